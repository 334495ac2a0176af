import { hostname } from 'node:os';
import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';

function toNestLogger(context: string) {
  const logger = new Logger(context);
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      const line = `${message} ${JSON.stringify(extra)}`;
      if (level <= logLevel.ERROR) logger.error(line);
      else if (level === logLevel.WARN) logger.warn(line);
      else logger.debug(line);
    };
}

/** One kafkajs client per process, with a client id unique per instance so broker-side quotas and logs tell them apart. */
export function createKafkaClient(serviceName: string, brokers: string[]): Kafka {
  return new Kafka({
    clientId: `${serviceName}-${hostname()}-${process.pid}`,
    brokers,
    logLevel: logLevel.WARN,
    logCreator: toNestLogger(`Kafka:${serviceName}`),
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 300, retries: 8 },
  });
}
