import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { EventProducer } from './kafka/event-producer';
import { KafkaEventServer } from './kafka/kafka-event-server';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { OutboxRelay } from './outbox/outbox-relay';

/**
 * Start and stop in the one order that loses nothing, while the database is still open (TypeORM closes its pool in
 * the application-shutdown phase): stop consuming (kafkajs finishes the message in hand and commits offsets), then let
 * the relay publish what is left in the outbox, then disconnect the shared producer.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly relay: OutboxRelay,
    private readonly producer: EventProducer,
    private readonly server: KafkaEventServer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.relay !== false) await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.server.close();
    await this.relay.stop();
    await this.producer.disconnect();
  }
}
