import { DemoDataReport } from './boot-checks';
import { StackSummary } from './local-stack';

const pad = (label: string) => `  ${label.padEnd(20)}`;

const DEMO_HEADLINES = {
  loaded: 'loaded into empty databases',
  kept: 'not loaded: the databases already held data, kept as it was',
  mixed: 'loaded only where a database was empty',
};

/** Whether each service loaded its demo data, as decided from its database before it started. */
function demoDataLines(reports: readonly DemoDataReport[]): string[] {
  if (!reports.length) return [];
  if (reports.some((r) => r.outcome === 'skipped')) return [`${pad('Demo data')}skipped (--no-demo-data)`];
  const outcomes = new Set(reports.map((r) => r.outcome));
  const headline = outcomes.size > 1 ? DEMO_HEADLINES.mixed : DEMO_HEADLINES[reports[0].outcome as 'loaded' | 'kept'];
  const lines = [`${pad('Demo data')}${headline}`];
  for (const { service, declared, outcome } of reports) {
    const what =
      outcome === 'loaded'
        ? declared.contents
        : `already holds ${declared.skippedWhenRowsIn.described}, left as they are`;
    lines.push(`${pad('')}  ${service}: ${what}`);
  }
  if (outcomes.has('kept'))
    lines.push(`${pad('')}For the demo from scratch: another MSP_DATABASE_PREFIX, or drop those databases.`);
  return lines;
}

/** Where Keycloak runs, how to get a token from it, and its test users. */
function keycloakLines(keycloak: NonNullable<StackSummary['keycloak']>): string[] {
  const [first] = keycloak.users;
  return [
    `${pad('Keycloak')}${keycloak.url}  (admin console: ${keycloak.admin.username} / ${keycloak.admin.password}, log ${keycloak.logFile})`,
    `${pad('  issuer')}${keycloak.issuer}`,
    ...keycloak.users.map((u) => `${pad('  test user')}${u.username} / ${u.password}: ${u.who}`),
    `${pad('  token')}curl -s -d grant_type=password -d client_id=msp-web -d username=${first.username} -d password=${first.password} ${keycloak.issuer}/protocol/openid-connect/token`,
  ];
}

/** The block printed once everything answers: where each piece runs and where its log is. */
export function formatSummary(summary: StackSummary): string {
  const lines = ['', 'MSP platform is up.', ''];
  const gateway = summary.gateway;
  if (gateway) {
    const signIn = summary.keycloak
      ? 'sign in at Keycloak as one of its test users below'
      : "sign in by choosing a member on the development issuer's page";
    lines.push(`${pad('Web console')}${gateway.url}/  (${signIn})`);
    lines.push(`${pad('GraphQL (gateway)')}${gateway.url}/graphql`);
    lines.push(`${pad('Health')}${gateway.url}/health/live  ${gateway.url}/health/ready`);
    lines.push(`${pad('Metrics')}${gateway.url}/metrics`);
    lines.push('');
  }
  lines.push('  Services');
  for (const { service, pid } of summary.services) {
    const database = service.databaseUrl ? `, database ${new URL(service.databaseUrl).pathname.slice(1)}` : '';
    lines.push(`${pad(`  ${service.definition.name}`)}${service.url}  (pid ${pid}${database})`);
  }
  lines.push('');
  lines.push(`${pad('PostgreSQL')}${summary.postgres.origin}: ${summary.postgres.url}`);
  const kafkaOrigin =
    summary.kafka.origin === 'KAFKA_BROKERS'
      ? 'given by KAFKA_BROKERS'
      : `local broker started here, log ${summary.kafka.logFile}`;
  lines.push(`${pad('Kafka')}${summary.kafka.brokers} (${kafkaOrigin})`);
  const { created, existing } = summary.topics;
  lines.push(`${pad('Kafka topics')}${created.length + existing.length} ready (${created.length} created now)`);
  lines.push(`${pad('Logs')}${summary.logsDir}/<service>.log`);
  lines.push(`${pad('Data')}${summary.dataDir}`);
  lines.push(...demoDataLines(summary.demoData));
  lines.push(`${pad('Sign in')}npm run token -- --member admin@msp-lices.demo   (any member's id or e-mail)`);
  if (summary.keycloak) lines.push(...keycloakLines(summary.keycloak));
  lines.push('', 'Ctrl-C to stop.', '');
  return lines.join('\n');
}
