import { dropDatabase } from '@msp/infra';
import { loadOrCreateStackKeys, LocalStack, type StackSummary } from '@msp/local-stack';
import type { BenchStack } from './scenarios/bench-context';

export interface StartedBenchStack extends BenchStack {
  /** Stops the services, the broker and the server it started; with `dropDatabases`, drops the run's databases first. */
  stop(dropDatabases: boolean): Promise<void>;
  summary: StackSummary;
}

/** The server's maintenance database, from any of its database URLs. */
function adminUrlOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

/** The first of a secret list (current, then previous during a rotation): what a platform signs with. */
function currentSecret(secrets: string | undefined): string {
  const current = secrets?.split(',')[0]?.trim();
  if (!current) throw new Error('The stack has no TELEPHONY_WEBHOOK_SECRETS for call routing');
  return current;
}

/**
 * A fresh stack for one run, as `npm start` makes it but empty (no demo data), in its own data folder and databases:
 * PostgreSQL found or embedded, a Kafka broker of its own unless KAFKA_BROKERS names one, every service built.
 */
export async function startBenchStack(
  dataDir: string,
  workspaceRoot: string,
  env: NodeJS.ProcessEnv,
  progress: (line: string) => void,
  nodeArguments: readonly string[] = [],
): Promise<StartedBenchStack> {
  const stack = new LocalStack({ dataDir, workspaceRoot, env, demoData: false, progress, nodeArguments });
  const started = performance.now();
  let summary: StackSummary;
  try {
    summary = await stack.start();
  } catch (error) {
    await stack.stop();
    throw error;
  }
  const startupSeconds = (performance.now() - started) / 1000;
  const service = (name: string) => {
    const found = summary.services.find((s) => s.service.definition.name === name)?.service;
    if (!found) throw new Error(`The stack has no ${name} service`);
    return found;
  };
  const keys = loadOrCreateStackKeys(dataDir, []);
  const gateway = summary.gateway;
  if (!gateway) throw new Error('The stack has no gateway');
  return {
    summary,
    dataDir,
    gatewayUrl: gateway.url,
    schedulingUrl: service('scheduling').url,
    directoryDatabaseUrl: service('directory').databaseUrl as string,
    schedulingDatabaseUrl: service('scheduling').databaseUrl as string,
    kafkaBrokers: summary.kafka.brokers.split(','),
    callRoutingDatabaseUrl: service('call-routing').databaseUrl as string,
    callRoutingPublicUrl: service('call-routing').publicUrl as string,
    delegationUrl: service('delegation').url,
    delegationDatabaseUrl: service('delegation').databaseUrl as string,
    coordinationUrl: service('coordination').url,
    coordinationDatabaseUrl: service('coordination').databaseUrl as string,
    indicatorsUrl: service('indicators').url,
    indicatorsDatabaseUrl: service('indicators').databaseUrl as string,
    coordinationPrivateKey: keys.services.coordination.privateKey,
    telephonyWebhookSecret: currentSecret(env.TELEPHONY_WEBHOOK_SECRETS || keys.secrets.TELEPHONY_WEBHOOK_SECRETS),
    userContextPrivateKey: keys.userContext.privateKey,
    pids: stack.pids,
    startupSeconds,
    stop: async (dropDatabases) => {
      await stack.stop();
      if (!dropDatabases || summary.postgres.origin === 'private embedded server') return;
      for (const { service } of summary.services)
        if (service.databaseUrl) {
          const name = new URL(service.databaseUrl).pathname.slice(1);
          await dropDatabase(adminUrlOf(service.databaseUrl), name);
        }
    },
  };
}
