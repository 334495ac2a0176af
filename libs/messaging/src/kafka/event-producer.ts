import { Inject, Injectable } from '@nestjs/common';
import { Kafka, Partitioners, type Producer, type TopicMessages } from 'kafkajs';
import { KAFKA_CLIENT } from './kafka.tokens';

/**
 * The process's single Kafka producer: idempotent, `acks=all`, one request in flight so retries cannot reorder an
 * aggregate's events, and the Java-compatible murmur2 partitioner chosen explicitly (every message carries a key).
 */
@Injectable()
export class EventProducer {
  private readonly producer: Producer;
  private connecting?: Promise<void>;
  private connected = false;

  constructor(@Inject(KAFKA_CLIENT) kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.producer.on(this.producer.events.CONNECT, () => (this.connected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connected = false;
      this.connecting = undefined;
    });
  }

  get isConnected(): boolean {
    return this.connected;
  }

  async send(batch: TopicMessages[]): Promise<void> {
    this.connecting ??= this.producer.connect();
    await this.connecting;
    await this.producer.sendBatch({ topicMessages: batch, acks: -1 });
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}
