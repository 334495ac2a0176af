import { Logger } from '@nestjs/common';
import { ServerKafka, type ConsumerDeserializer, type IncomingEvent } from '@nestjs/microservices';
import { Partitioners, type Consumer } from 'kafkajs';

/** Hands Nest the raw record: decoding and validation belong to the inbox, which dead-letters what it cannot read. */
class RawRecordDeserializer implements ConsumerDeserializer {
  deserialize(value: unknown, options?: Record<string, unknown>): IncomingEvent {
    return { pattern: options?.channel, data: value };
  }
}

export interface KafkaEventServerOptions {
  serviceName: string;
  brokers: string[];
  consumerGroup: string;
}

/**
 * Nest's Kafka transport set up for the platform: the consumer group is exactly the one given (Nest would append
 * "-server"), values stay binary, and a consumer that crashes for good fails readiness and stops the process so the
 * supervisor restarts it instead of it sitting idle.
 */
export class KafkaEventServer extends ServerKafka {
  private readonly log = new Logger(KafkaEventServer.name);
  private crashed?: string;

  constructor(options: KafkaEventServerOptions) {
    super({
      postfixId: '',
      client: {
        clientId: `${options.serviceName}-consumer-${process.pid}`,
        brokers: options.brokers,
        connectionTimeout: 3_000,
      },
      consumer: {
        groupId: options.consumerGroup,
        allowAutoTopicCreation: false,
        sessionTimeout: 30_000,
        heartbeatInterval: 3_000,
        // Kafka's own default (fetch.max.wait.ms), not kafkajs's 5 s: a stopping service waits for the fetch in
        // flight, so a deploy or a restart took up to 5 s longer for nothing; an idle poll twice a second costs nothing.
        maxWaitTimeInMs: 500,
      },
      subscribe: { fromBeginning: true },
      // Partitions side by side (each still one record at a time, in order): an aggregate's events share a partition,
      // and nothing ever ordered events of different partitions. One at a time, a service's first start behind a
      // busy month (the demo's 25,000 events) spent minutes catching up on one connection.
      run: { autoCommit: true, partitionsConsumedConcurrently: 3 },
      // Nest opens a producer of its own for replies, which the platform never sends: explicit partitioner all the same.
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
      parser: { keepBinary: true },
      deserializer: new RawRecordDeserializer(),
    });
  }

  override async listen(callback: (error?: unknown) => void): Promise<void> {
    await super.listen((error?: unknown) => {
      if (!error) this.watchForCrash();
      callback(error);
    });
  }

  /** Undefined while healthy, else why the consumer stopped. */
  get failure(): string | undefined {
    return this.crashed;
  }

  get consumerGroup(): string {
    return this.groupId;
  }

  private watchForCrash(): void {
    const [, consumer] = this.unwrap<[unknown, Consumer]>();
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) return; // kafkajs restarts the consumer itself after retriable errors
      this.crashed = payload.error.message;
      this.log.error(`Kafka consumer crashed for good (${payload.error.message}); stopping the process`);
      process.kill(process.pid, 'SIGTERM');
    });
  }
}
