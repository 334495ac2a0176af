// `npm run dlq:replay -- --topic scheduling.events [--group scheduling] [--dry-run] [--brokers host:port]`
// Sends dead letters back to their topic once the cause is fixed. Brokers: --brokers, else KAFKA_BROKERS, else the running
// local stack's Kafka.
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { allTopics, DEAD_LETTER_SUFFIX } from '@msp/contracts';
import { dataDir } from '@msp/infra';
import { replayDeadLetters } from '@msp/messaging';
import { runningStack } from './stack-lock';

const USAGE =
  'usage: npm run dlq:replay -- --topic <topic> [--group <consumer group>] [--dry-run] [--brokers host:port,...]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      topic: { type: 'string' },
      group: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      brokers: { type: 'string' },
    },
  });
  const topics = allTopics().filter((t) => !t.endsWith(DEAD_LETTER_SUFFIX));
  if (!values.topic || !topics.includes(values.topic)) {
    console.error(
      `${values.topic ? `Unknown topic "${values.topic}"` : '--topic is required'}; one of: ${topics.join(', ')}\n${USAGE}`,
    );
    return 2;
  }
  const brokers = values.brokers ?? process.env.KAFKA_BROKERS ?? runningStack(dataDir())?.kafkaBrokers;
  if (!brokers) {
    console.error(
      `No Kafka to talk to: pass --brokers, set KAFKA_BROKERS, or start the local stack (npm start).\n${USAGE}`,
    );
    return 2;
  }
  const kafka = new Kafka({ clientId: 'msp-dlq-replay', brokers: brokers.split(','), logLevel: logLevel.WARN });
  const report = await replayDeadLetters(kafka, {
    topic: values.topic,
    consumerGroup: values.group,
    dryRun: values['dry-run'],
  });
  const verb = values['dry-run'] ? 'would replay' : 'replayed';
  console.log(
    `${values.topic}${DEAD_LETTER_SUFFIX}: ${verb} ${report.replayed} letter(s), skipped ${report.skipped} of other groups`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`dlq:replay failed: ${error.message}`);
    process.exit(1);
  },
);
