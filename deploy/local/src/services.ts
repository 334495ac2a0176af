/**
 * The services `npm start` runs. A new service adds one entry here; the launcher derives everything else
 * (port, database, log file, environment, start order, the gateway's subgraph list).
 */
export interface ServiceDefinition {
  /** Short kebab-case name: SERVICE_NAME, `<dataDir>/logs/<name>.log`, database `msp_<name>` (dashes become underscores). */
  readonly name: string;
  /** The built entry point, relative to the repository root (or absolute). */
  readonly entry: string;
  /** `gateway` receives GATEWAY_SUBGRAPHS; a `subgraph`'s URL goes into it; a `worker` only consumes and produces events. */
  readonly role: 'gateway' | 'subgraph' | 'worker';
  /** Whether the service owns a PostgreSQL database (created if missing, passed as DATABASE_URL). */
  readonly database: boolean;
  /** Lower starts first and stops last. Subgraphs must start before the gateway, which composes them at boot. */
  readonly order: number;
  /** Port tried first; taken from the launcher's own PORT variable when `usesPortVariable` is set. Else any free port. */
  readonly preferredPort?: number;
  readonly usesPortVariable?: boolean;
  /** The service answers internal HTTP questions: every other service gets its base URL in this variable. */
  readonly internalUrlVariable?: string;
}

export const SERVICES: readonly ServiceDefinition[] = [
  {
    name: 'directory',
    entry: 'services/directory/dist/main.js',
    role: 'subgraph',
    database: true,
    order: 10,
    internalUrlVariable: 'DIRECTORY_INTERNAL_URL',
  },
  {
    name: 'scheduling',
    entry: 'services/scheduling/dist/main.js',
    role: 'subgraph',
    database: true,
    order: 20,
    internalUrlVariable: 'SCHEDULING_INTERNAL_URL',
  },
  {
    name: 'gateway',
    entry: 'services/gateway/dist/main.js',
    role: 'gateway',
    database: false,
    order: 100,
    preferredPort: 4000,
    usesPortVariable: true,
  },
];

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The services in start order; throws on a registry mistake (duplicate name, gateway started before a subgraph, …). */
export function startOrder(services: readonly ServiceDefinition[]): ServiceDefinition[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const service of services) {
    if (!NAME.test(service.name)) problems.push(`"${service.name}" is not a kebab-case name`);
    if (names.has(service.name)) problems.push(`"${service.name}" is listed twice`);
    names.add(service.name);
  }
  const gateways = services.filter((s) => s.role === 'gateway');
  if (gateways.length > 1)
    problems.push(`only one gateway is supported, found ${gateways.map((g) => g.name).join(', ')}`);
  for (const gateway of gateways) {
    for (const subgraph of services.filter((s) => s.role === 'subgraph' && s.order >= gateway.order)) {
      problems.push(
        `subgraph "${subgraph.name}" (order ${subgraph.order}) must start before gateway "${gateway.name}" (order ${gateway.order})`,
      );
    }
  }
  if (services.filter((s) => s.usesPortVariable).length > 1)
    problems.push('only one service can take the PORT variable');
  for (const service of services) {
    const variable = service.internalUrlVariable;
    if (variable !== undefined && !/^[A-Z][A-Z0-9_]*_URL$/.test(variable)) {
      problems.push(`"${service.name}": internalUrlVariable "${variable}" must be an upper-case name ending in _URL`);
    }
    if (variable && services.some((other) => other !== service && other.internalUrlVariable === variable)) {
      problems.push(`"${service.name}": ${variable} is used by two services`);
    }
  }
  if (problems.length) throw new Error(`Invalid service registry: ${problems.join('; ')}`);
  return [...services].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/**
 * `msp_<name>` with dashes as underscores: `call-routing` → `msp_call_routing`. `MSP_DATABASE_PREFIX` replaces `msp`,
 * so that tests (or a second stack) on the same PostgreSQL server get databases of their own.
 */
export function databaseName(service: Pick<ServiceDefinition, 'name'>, prefix = 'msp'): string {
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(prefix))
    throw new Error(`MSP_DATABASE_PREFIX="${prefix}" must be lower-case letters, digits and _`);
  return `${prefix}_${service.name.replace(/-/g, '_')}`;
}
