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
  /**
   * The service has a second listener for routes that face the internet: it gets a free port of its own in
   * `portVariable`, and the gateway, the platform's one public origin, forwards to it from the URL it gets in
   * `upstreamVariable`. Which paths go where, and which headers and body types each may carry, is the gateway's table
   * (`PUBLIC_ROUTES`, services/gateway/src/public/public-routes.ts): `SCHEDULING_PUBLIC_URL` serves `/public` (online
   * booking) and `/ical` (calendar feeds), `CALL_ROUTING_PUBLIC_URL` serves `/telephony` (the telephony platform's
   * webhooks). The service also gets `PUBLIC_BASE_URL`: the gateway's URL (the public URL a webhook signature covers
   * is rebuilt from it), and the gateway's address in `trustedProxiesVariable` (so its per-client limits key on the
   * X-Forwarded-For the gateway sets). Several services may declare one; each `upstreamVariable` is one service's.
   */
  readonly publicListener?: {
    readonly portVariable: string;
    readonly upstreamVariable: string;
    /** Omitted when the service keeps no per-client limits (call routing's webhooks are signed instead). */
    readonly trustedProxiesVariable?: string;
  };
  /**
   * Variables holding a secret the service shares with something outside the stack (call routing's telephony webhook
   * HMAC key): generated once per data folder, kept in `stack-secrets.json` (0600) where the telephony platform's
   * configuration can read it, and given to this service only.
   */
  readonly secrets?: readonly string[];
  /** The service can fill its empty database with demo data at boot (needs `database`). */
  readonly demoData?: DemoDataDeclaration;
  /**
   * What this service builds from other services' events, in words. Such views start incomplete when a new Kafka meets
   * databases with a past (the earlier events are not on it): the launcher warns at boot.
   */
  readonly eventFedViews?: string;
}

export interface DemoDataDeclaration {
  /** Set to `load` for this service only (`skip` with `--no-demo-data`), e.g. `DIRECTORY_DEMO_DATA`. */
  readonly variable: string;
  /**
   * The service's own rule for "not empty": it loads nothing once this table has a row. The launcher looks before
   * starting it, so that the summary says whether demo data was loaded or the existing data kept.
   */
  readonly skippedWhenRowsIn: { readonly table: string; readonly described: string };
  /** What the service loads, for the summary. */
  readonly contents: string;
}

export const SERVICES: readonly ServiceDefinition[] = [
  {
    name: 'directory',
    entry: 'services/directory/dist/main.js',
    role: 'subgraph',
    database: true,
    order: 10,
    internalUrlVariable: 'DIRECTORY_INTERNAL_URL',
    demoData: {
      variable: 'DIRECTORY_DEMO_DATA',
      skippedWhenRowsIn: { table: 'structure', described: 'structures' },
      contents: 'the MSP des Lices (3 sites, 500 patients), its CPTS and the MSP de la Forêt de Paimpont',
    },
  },
  {
    name: 'scheduling',
    entry: 'services/scheduling/dist/main.js',
    role: 'subgraph',
    database: true,
    order: 20,
    internalUrlVariable: 'SCHEDULING_INTERNAL_URL',
    // Online booking (/public) and calendar feeds (/ical), reached through the gateway's public route.
    publicListener: {
      portVariable: 'PUBLIC_PORT',
      upstreamVariable: 'SCHEDULING_PUBLIC_URL',
      trustedProxiesVariable: 'PUBLIC_TRUSTED_PROXIES',
    },
    demoData: {
      variable: 'SCHEDULING_DEMO_DATA',
      skippedWhenRowsIn: { table: 'motif', described: 'motifs' },
      contents:
        "standard motifs and weekly opening ranges for every structure without motifs, as the directory's members reach it, then, once its patients have arrived, the past month's appointments (completed, no-shows, cancellations)",
    },
    // Sites and members are rebuilt from the directory's internal API when empty at boot; consents and meetings are not.
    eventFedViews: "patients' reminder consents, coordination meetings' blocks in the attendees' agendas",
  },
  {
    name: 'call-routing',
    entry: 'services/call-routing/dist/main.js',
    role: 'subgraph',
    database: true,
    order: 30,
    // The telephony platform's webhooks (/telephony), reached through the gateway's public route.
    publicListener: { portVariable: 'PUBLIC_PORT', upstreamVariable: 'CALL_ROUTING_PUBLIC_URL' },
    secrets: ['TELEPHONY_WEBHOOK_SECRETS'],
    demoData: {
      variable: 'CALL_ROUTING_DEMO_DATA',
      skippedWhenRowsIn: { table: 'phone_line', described: 'phone lines' },
      contents:
        "a line per demo site (its numbers in the directory) with scheduling's phone-booking motif, on the default rulebook",
    },
    eventFedViews: "sites' zones and hours, members, practitioners' consultations and absences",
  },
  {
    name: 'delegation',
    entry: 'services/delegation/dist/main.js',
    role: 'subgraph',
    database: true,
    order: 40,
    demoData: {
      variable: 'DELEGATION_DEMO_DATA',
      skippedWhenRowsIn: { table: 'protocol', described: 'protocols' },
      contents:
        "protocols adopted by a physician of each practice (its assistant's referent), last month's delegated work played through the handlers and a morning's tasks on the board, as each practice's whole team reaches it",
    },
    // Members and sites are rebuilt from the directory's internal API when empty at boot; absences are not.
    eventFedViews: "practitioners' absences (who a task escalates to)",
  },
  {
    name: 'coordination',
    entry: 'services/coordination/dist/main.js',
    role: 'subgraph',
    database: true,
    order: 50,
    demoData: {
      variable: 'COORDINATION_DEMO_DATA',
      skippedWhenRowsIn: { table: 'meeting', described: 'meetings' },
      contents:
        "the MSP des Lices' last month of concertation (an RCP and a synthesis held, cases reviewed, minutes closed) and its coming meetings (a monthly RCP, a synthesis meeting), as its whole team reaches it",
    },
    // Members and sites are rebuilt from the directory's internal API when empty at boot; scheduling's refusals are not.
    eventFedViews: 'invitees whose agendas scheduling could not block (patients booked over a meeting)',
  },
  {
    name: 'indicators',
    entry: 'services/indicators/dist/main.js',
    role: 'subgraph',
    database: true,
    order: 60,
    // No demo data yet; its facts come only from the other services' events (a rebuild re-reads the topics).
    eventFedViews:
      'every operational fact it counts (appointments done or missed, calls, delegated tasks, meetings, protocols)',
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
const VARIABLE = /^[A-Z][A-Z0-9_]*$/;
const TABLE = /^[a-z_][a-z0-9_]{0,62}$/;

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
  for (const { name, publicListener } of services) {
    if (!publicListener) continue;
    const { portVariable, upstreamVariable, trustedProxiesVariable } = publicListener;
    for (const variable of [portVariable, upstreamVariable, trustedProxiesVariable ?? 'UNSET'])
      if (!VARIABLE.test(variable))
        problems.push(`"${name}": public listener variable "${variable}" must be upper-case`);
    if (services.some((other) => other.name !== name && other.publicListener?.upstreamVariable === upstreamVariable))
      problems.push(`"${name}": ${upstreamVariable} is used by two services`);
  }
  for (const { name, database, demoData } of services) {
    if (!demoData) continue;
    if (!database) problems.push(`"${name}" declares demo data but has no database`);
    if (!VARIABLE.test(demoData.variable))
      problems.push(`"${name}": demo data variable "${demoData.variable}" must be an upper-case name`);
    if (services.some((other) => other.name !== name && other.demoData?.variable === demoData.variable))
      problems.push(`"${name}": ${demoData.variable} is used by two services`);
    if (!TABLE.test(demoData.skippedWhenRowsIn.table))
      problems.push(`"${name}": demo data table "${demoData.skippedWhenRowsIn.table}" must be a lower-case table name`);
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
