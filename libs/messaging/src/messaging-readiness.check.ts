import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { consumerLag } from './kafka/consumer-lag';
import { EventProducer } from './kafka/event-producer';
import { KafkaEventServer } from './kafka/kafka-event-server';
import { KAFKA_CLIENT } from './kafka/kafka.tokens';
import { MessagingMetrics } from './messaging.metrics';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

/**
 * Ready when the producer can connect, the broker answers and the consumer has not crashed; also feeds the
 * consumer-lag gauge. A producer whose last connection attempt failed makes the service not ready at once (the check
 * does not wait for kafkajs' retries) and is asked to connect again, so readiness returns when Kafka does.
 */
@Injectable()
export class MessagingReadinessCheck implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly name = 'kafka';
  private readonly admin: Admin;
  private connected?: Promise<void>;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    private readonly server: KafkaEventServer,
    private readonly producer: EventProducer,
    private readonly metrics: MessagingMetrics,
  ) {
    this.admin = kafka.admin();
  }

  onApplicationBootstrap(): void {
    const topics = this.options.subscribeTo ?? [];
    if (topics.length)
      this.metrics.trackConsumerLag(async () =>
        consumerLag(await this.connectedAdmin(), this.server.consumerGroup, topics),
      );
  }

  async check(): Promise<void> {
    if (this.server.failure) throw new Error(`consumer crashed: ${this.server.failure}`);
    const producerFailure = this.producer.failure;
    if (producerFailure) {
      this.producer.retryInBackground();
      throw new Error(`producer ${producerFailure}`);
    }
    const cluster = await (await this.connectedAdmin()).describeCluster();
    if (!cluster.brokers.length) throw new Error('no Kafka broker available');
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connected) await this.admin.disconnect();
  }

  private async connectedAdmin(): Promise<Admin> {
    this.connected ??= this.admin.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    await this.connected;
    return this.admin;
  }
}
