import { isAbsolute, join } from 'node:path';
import { freePort, portIsFree } from '@msp/infra';
import { ServiceDefinition } from './services';
import type { StackKeys } from './stack-secrets';

export const SERVICE_HOST = '127.0.0.1';

/** A service with everything decided before it starts. */
export interface PlannedService {
  definition: ServiceDefinition;
  entry: string;
  port: number;
  url: string;
  /** The public listener's URL, for a service that declares one. */
  publicUrl?: string;
  logFile: string;
  databaseUrl?: string;
}

export interface StackContext {
  kafkaBrokers: string;
  logLevel: string;
  /** How services reach the identity provider (the development issuer's AUTH_* variables), given to every service. */
  auth: Record<string, string>;
  /** The stack's key pairs: each service gets its own private key and the public keys it verifies with. */
  keys: StackKeys;
  /** The launcher's own environment, inherited by every service except for the variables the launcher decides. */
  baseEnv: NodeJS.ProcessEnv;
  /** The value of each declared demo data variable: `skip` with `--no-demo-data`. */
  demoData: 'load' | 'skip';
  /** The web console the gateway serves: its build folder and the issuer it signs in with. */
  console?: { dir: string; authority?: string };
}

/** Keys and switches of the trust between services: only ever the launcher's, never inherited from its shell. */
const TRUST_VARIABLES = [
  'USER_CONTEXT_PRIVATE_KEY',
  'USER_CONTEXT_PRIVATE_KEY_FILE',
  'USER_CONTEXT_PUBLIC_KEY',
  'SERVICE_PRIVATE_KEY',
  'SERVICE_PUBLIC_KEYS',
  'INTERNAL_DEVELOPMENT_ROUTES',
  // the shared secrets of earlier versions, refused by nothing but trusted by nothing either
  'USER_CONTEXT_SECRET',
  'INTERNAL_SERVICE_SECRET',
];

/**
 * What one service may know of the stack's keys: the gateway signs user contexts (private key) and its own calls; every
 * other service verifies user contexts (public key), signs its own calls with its own key and knows the public key of
 * each service of the stack (and of `npm run token`), its routes saying which of them may call. This is the
 * development stack: its services answer the development routes (a member looked up by e-mail).
 */
export function trustEnv(definition: ServiceDefinition, keys: StackKeys): Record<string, string> {
  const own = keys.services[definition.name];
  if (!own) throw new Error(`no key pair for ${definition.name}`);
  if (definition.role === 'gateway')
    return { USER_CONTEXT_PRIVATE_KEY: keys.userContext.privateKey, SERVICE_PRIVATE_KEY: own.privateKey };
  return {
    USER_CONTEXT_PUBLIC_KEY: keys.userContext.publicKey,
    SERVICE_PRIVATE_KEY: own.privateKey,
    SERVICE_PUBLIC_KEYS: Object.entries(keys.services)
      .map(([name, pair]) => `${name}=${pair.publicKey}`)
      .join(','),
    INTERNAL_DEVELOPMENT_ROUTES: 'on',
  };
}

/** Variables the launcher sets per service; a value inherited from the launcher's shell would be wrong for most services. */
const DECIDED_PER_SERVICE = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'KAFKA_BROKERS',
  'SERVICE_NAME',
  'GATEWAY_SUBGRAPHS',
  'LOG_LEVEL',
  ...TRUST_VARIABLES,
];

export interface PortPlanning {
  isFree(port: number): Promise<boolean>;
  anyFreePort(): Promise<number>;
}

/** The key of a service's public listener port in `planPorts`' answer. */
export const publicPortKey = (service: Pick<ServiceDefinition, 'name'>): string => `${service.name}.public`;

const systemPorts: PortPlanning = { isFree: (port) => portIsFree(port), anyFreePort: freePort };

/**
 * Chooses each service's port: the launcher's PORT for the service that uses it (an error when taken), else the
 * preferred port when free, else any free port; never the same port twice.
 */
export async function planPorts(
  services: readonly ServiceDefinition[],
  env: NodeJS.ProcessEnv,
  ports: PortPlanning = systemPorts,
): Promise<Map<string, number>> {
  const chosen = new Map<string, number>();
  const taken = new Set<number>();
  const anyFreePort = async (name: string): Promise<number> => {
    let port: number | undefined;
    for (let attempt = 0; port === undefined || taken.has(port); attempt++) {
      if (attempt > 20) throw new Error(`Could not find a free port for ${name}`);
      port = await ports.anyFreePort();
    }
    return port;
  };
  for (const service of services) {
    let port: number | undefined;
    if (service.usesPortVariable && env.PORT) {
      port = Number(env.PORT);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new Error(`PORT="${env.PORT}" is not a TCP port number`);
      if (taken.has(port) || !(await ports.isFree(port))) {
        throw new Error(
          `PORT=${port} is already in use on ${SERVICE_HOST}: free it or choose another PORT for the ${service.name}`,
        );
      }
    } else if (
      service.preferredPort &&
      !taken.has(service.preferredPort) &&
      (await ports.isFree(service.preferredPort))
    ) {
      port = service.preferredPort;
    } else {
      port = await anyFreePort(service.name);
    }
    taken.add(port);
    chosen.set(service.name, port);
    if (service.publicListener) {
      const publicPort = await anyFreePort(`${service.name}'s public listener`);
      taken.add(publicPort);
      chosen.set(publicPortKey(service), publicPort);
    }
  }
  return chosen;
}

export function planService(
  definition: ServiceDefinition,
  port: number,
  paths: { workspaceRoot: string; logsDir: string },
  databaseUrl?: string,
  publicPort?: number,
): PlannedService {
  if (definition.database && !databaseUrl) throw new Error(`${definition.name} needs a database but none was given`);
  if (definition.publicListener && publicPort === undefined)
    throw new Error(`${definition.name} has a public listener but no port was given for it`);
  return {
    definition,
    entry: isAbsolute(definition.entry) ? definition.entry : join(paths.workspaceRoot, definition.entry),
    port,
    url: `http://${SERVICE_HOST}:${port}`,
    ...(definition.publicListener ? { publicUrl: `http://${SERVICE_HOST}:${publicPort}` } : {}),
    logFile: join(paths.logsDir, `${definition.name}.log`),
    ...(definition.database ? { databaseUrl } : {}),
  };
}

/** The gateway's GATEWAY_SUBGRAPHS: `name=url` pairs joined by commas, each URL the subgraph's GraphQL endpoint. */
export function subgraphList(services: readonly PlannedService[]): string {
  return services
    .filter((s) => s.definition.role === 'subgraph')
    .map((s) => `${s.definition.name}=${s.url}/graphql`)
    .join(',');
}

/** The complete environment of one service's process. */
export function serviceEnv(
  service: PlannedService,
  all: readonly PlannedService[],
  context: StackContext,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...context.baseEnv };
  for (const name of DECIDED_PER_SERVICE) delete env[name];
  // Each demo switch goes to the service that declares it, and only there, whatever the launcher's shell holds.
  for (const other of all) if (other.definition.demoData) delete env[other.definition.demoData.variable];
  for (const { definition } of all)
    if (definition.publicListener) {
      delete env[definition.publicListener.portVariable];
      delete env[definition.publicListener.upstreamVariable];
    }
  if (service.definition.demoData) env[service.definition.demoData.variable] = context.demoData;
  Object.assign(env, {
    SERVICE_NAME: service.definition.name,
    HOST: SERVICE_HOST,
    PORT: String(service.port),
    KAFKA_BROKERS: context.kafkaBrokers,
    LOG_LEVEL: context.logLevel,
    ...context.auth,
    ...trustEnv(service.definition, context.keys),
  });
  // A secret the shell sets (the one a real telephony platform was configured with) wins over the generated one.
  for (const variable of service.definition.secrets ?? [])
    env[variable] = context.baseEnv[variable] || context.keys.secrets[variable];
  if (service.databaseUrl) env.DATABASE_URL = service.databaseUrl;
  // Where the other services' internal APIs are, e.g. DIRECTORY_INTERNAL_URL for everyone but the directory itself.
  for (const other of all) {
    const variable = other.definition.internalUrlVariable;
    if (variable && other !== service) env[variable] = other.url;
  }
  if (service.definition.role === 'gateway') {
    env.GATEWAY_SUBGRAPHS = subgraphList(all);
    if (context.console) {
      env.CONSOLE_DIR = context.console.dir;
      if (context.console.authority) env.CONSOLE_OIDC_AUTHORITY = context.console.authority;
    }
    // The platform's one public origin: the gateway forwards each service's public paths to its public listener.
    for (const other of all)
      if (other.definition.publicListener && other.publicUrl)
        env[other.definition.publicListener.upstreamVariable] = other.publicUrl;
  }
  const { publicListener } = service.definition;
  if (publicListener && service.publicUrl) {
    env[publicListener.portVariable] = new URL(service.publicUrl).port;
    // Links handed to patients and calendar apps (a feed's URL) point at the gateway, unless the shell says otherwise.
    const gateway = all.find((other) => other.definition.role === 'gateway');
    if (!env.PUBLIC_BASE_URL && gateway) env.PUBLIC_BASE_URL = gateway.url;
    // The gateway runs on this host: the address the service sees for it is the one proxy to trust.
    if (gateway && publicListener.trustedProxiesVariable && !env[publicListener.trustedProxiesVariable])
      env[publicListener.trustedProxiesVariable] = SERVICE_HOST;
  }
  return env;
}
