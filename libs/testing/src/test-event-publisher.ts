import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { createEnvelope, eventDefinition, toKafkaRecord, type EventPayloads, type EventType } from '@msp/contracts';
import { testKafkaBrokers } from './test-environment';

/** Publishes events on the test Kafka exactly as their producing service's outbox relay would. */
export class TestEventPublisher {
  private constructor(private readonly producer: Producer) {}

  static async start(clientId: string): Promise<TestEventPublisher> {
    const producer = new Kafka({ clientId, brokers: testKafkaBrokers(), logLevel: 0 }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    return new TestEventPublisher(producer);
  }

  /** Returns the event id (the consumer's inbox key). */
  async publish<K extends EventType>(type: K, data: EventPayloads[K], time?: Date): Promise<string> {
    const envelope = createEnvelope(type, data, { source: `/msp/${type.split('.')[0]}`, time });
    const record = toKafkaRecord(envelope);
    await this.producer.send({
      topic: eventDefinition(type).topic,
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
    });
    return envelope.id;
  }

  /**
   * Sends again a record a service's outbox relay already sent (its topic, key, headers and payload, so its event id):
   * the redelivery Kafka may make, which consumers' inboxes must skip.
   */
  async redeliver(record: {
    topic: string;
    key: string;
    headers: Record<string, string>;
    payload: string;
  }): Promise<void> {
    await this.producer.send({
      topic: record.topic,
      messages: [{ key: record.key, value: record.payload, headers: record.headers }],
    });
  }

  stop(): Promise<void> {
    return this.producer.disconnect();
  }
}
