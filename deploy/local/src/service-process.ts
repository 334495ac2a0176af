import { ChildProcess, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { spawnTied, terminate } from '@msp/infra';
import { PlannedService } from './service-env';

/** `setsid` gives each service its own session, so a Ctrl-C in the terminal reaches only the launcher, which then stops
 * the services in order; the child stays tied to the launcher (spawnTied) either way. */
const hasSetsid = spawnSync('setsid', ['--version']).status === 0;

export class ServiceStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceStartError';
  }
}

/** The last lines of a log file, indented, for an error message. */
export function logTail(file: string, lines = 15): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines);
  return text.map((line) => `    | ${line}`).join('\n');
}

/** One service's process: started from its built entry point, output appended to its log file. */
export class ServiceProcess {
  private child?: ChildProcess;
  private exitDescription?: string;
  private stopping = false;
  private readonly exitListeners: ((description: string) => void)[] = [];

  constructor(
    readonly service: PlannedService,
    private readonly env: NodeJS.ProcessEnv,
    /** Options for Node itself that NODE_OPTIONS refuses, such as `--cpu-prof` (the benchmarks' profiles). */
    private readonly nodeArguments: readonly string[] = [],
  ) {}

  get name(): string {
    return this.service.definition.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    if (!existsSync(this.service.entry)) {
      throw new ServiceStartError(
        `${this.name}: ${this.service.entry} does not exist; run \`npm run build\` first (\`npm start\` does).`,
      );
    }
    appendFileSync(
      this.service.logFile,
      `\n---- ${new Date().toISOString()} starting ${this.name} on ${this.service.url} ----\n`,
    );
    const node = [...this.nodeArguments, this.service.entry];
    const [command, args] = hasSetsid ? ['setsid', [process.execPath, ...node]] : [process.execPath, node];
    this.child = spawnTied(command, args, this.service.logFile, this.env);
    this.child.once('exit', (code, signal) => {
      this.exitDescription = signal ? `killed by ${signal}` : `exit code ${code}`;
      if (!this.stopping) for (const listener of this.exitListeners) listener(this.exitDescription);
    });
  }

  /** Called when the process ends without `stop()` having been asked for. */
  onUnexpectedExit(listener: (description: string) => void): void {
    this.exitListeners.push(listener);
  }

  /** Polls GET /health/ready until it answers 200; fails fast if the process exits, or when `isCancelled()` turns true. */
  async waitReady(timeoutMs: number, isCancelled: () => boolean = () => false): Promise<void> {
    const url = `${this.service.url}/health/ready`;
    const deadline = Date.now() + timeoutMs;
    let last: string;
    for (;;) {
      if (this.exitDescription) {
        throw new ServiceStartError(
          `${this.name} stopped (${this.exitDescription}) before it was ready. Its log, ${this.service.logFile}, ends with:\n${logTail(this.service.logFile)}`,
        );
      }
      if (isCancelled()) throw new ServiceStartError(`${this.name}: start cancelled`);
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) return;
        last = `HTTP ${response.status}`;
      } catch (error) {
        last = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      }
      if (Date.now() > deadline) {
        throw new ServiceStartError(
          `${this.name} was not ready within ${Math.round(timeoutMs / 1000)} s (${url}: ${last}). ` +
            `Its log, ${this.service.logFile}, ends with:\n${logTail(this.service.logFile)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    if (this.child) await terminate(this.child, graceMs);
  }
}
