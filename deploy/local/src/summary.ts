import { StackSummary } from './local-stack';

const pad = (label: string) => `  ${label.padEnd(20)}`;

/** The block printed once everything answers: where each piece runs and where its log is. */
export function formatSummary(summary: StackSummary, options: { demoData: boolean }): string {
  const lines = ['', 'MSP platform is up.', ''];
  const gateway = summary.gateway;
  if (gateway) {
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
  lines.push(
    `${pad('Demo data')}${options.demoData ? 'loaded into empty databases (MSP des Lices, its CPTS and a second MSP; their weekly agendas follow)' : 'skipped (--no-demo-data)'}`,
  );
  lines.push(`${pad('Sign in')}npm run token -- --member admin@msp-lices.demo   (any member's id or e-mail)`);
  lines.push('', 'Ctrl-C to stop.', '');
  return lines.join('\n');
}
