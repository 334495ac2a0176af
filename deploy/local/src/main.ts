import { mkdirSync } from 'node:fs';
import { dataDir, workspaceRoot } from '@msp/infra';
import { parseCliOptions, USAGE } from './cli-options';
import { LocalStack, StackStopRequested } from './local-stack';
import { logTail } from './service-process';
import { StackAlreadyRunningError, StackLock } from './stack-lock';
import { formatSummary } from './summary';

const say = (line: string) => console.log(`[local-stack] ${line}`);
const warn = (line: string) => console.error(`[local-stack] ${line}`);

/** A missing prerequisite or a service that would not start is explained in words; a stack trace only helps with bugs. */
function explain(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const verbose = ['debug', 'trace'].includes(process.env.LOG_LEVEL ?? '');
  if (error.name === 'MissingPrerequisiteError') return `Missing prerequisite: ${error.message}`;
  return verbose && error.stack ? error.stack : error.message;
}

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const root = dataDir();
  mkdirSync(root, { recursive: true });
  const lock = StackLock.acquire(root);
  const stack = new LocalStack({
    dataDir: root,
    workspaceRoot: workspaceRoot(),
    progress: say,
    demoData: options.demoData,
    keycloak: options.keycloak,
  });

  let exiting = false;
  const shutdown = async (code: number): Promise<void> => {
    if (exiting) return;
    exiting = true;
    try {
      lock.update({ status: 'stopping' });
      await stack.stop(warn);
    } finally {
      lock.release();
      say(code === 0 ? 'Stopped.' : 'Stopped after a failure (see above).');
      process.exit(code);
    }
  };

  // Run through `npm start`, the launcher's parent is a shell that does not pass signals on: if that parent goes away
  // (killed, terminal closed), stop as if told to rather than run on as an orphan.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      say('The process that started the launcher is gone: stopping.');
      void shutdown(0);
    }
  }, 1_000).unref();

  let signals = 0;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (++signals > 1) {
        // Tied children receive SIGTERM from the kernel when this process is gone.
        warn(`${signal} again: exiting now without waiting.`);
        lock.release();
        process.exit(1);
      }
      console.log('');
      say(`${signal} received: stopping (services, then Kafka, then PostgreSQL)…`);
      void shutdown(0);
    });
  }

  stack.onServiceCrash((service, description) => {
    warn(`${service.definition.name} stopped unexpectedly (${description}). Its log is ${service.logFile}:`);
    console.error(logTail(service.logFile));
    warn('Stopping everything.');
    void shutdown(1);
  });

  try {
    const summary = await stack.start();
    lock.update({
      status: 'running',
      gatewayUrl: summary.gateway?.url,
      kafkaBrokers: summary.kafka.brokers,
      services: summary.services.map(({ service, pid }) => ({
        name: service.definition.name,
        pid,
        url: service.url,
        logFile: service.logFile,
      })),
    });
    console.log(formatSummary(summary));
  } catch (error) {
    // A Ctrl-C also interrupts a blocking step such as the Maven download, whose failure can arrive before the signal.
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (exiting || error instanceof StackStopRequested) return; // the shutdown under way exits
    warn(`Could not start the local stack.\n${explain(error)}`);
    await shutdown(1);
  }
}

main().catch((error: unknown) => {
  if (error instanceof StackAlreadyRunningError) warn(error.message);
  else warn(explain(error));
  process.exit(1);
});
