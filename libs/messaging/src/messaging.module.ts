import { type DynamicModule, type INestApplication, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DeadLetterPublisher } from './dead-letter/dead-letter-publisher';
import { EventHandlerRegistry } from './inbox/event-handler.registry';
import { createEventsController } from './inbox/events-controller.factory';
import { InboxProcessor } from './inbox/inbox-processor';
import { createKafkaClient } from './kafka/kafka-client.factory';
import { EventProducer } from './kafka/event-producer';
import { KafkaEventServer } from './kafka/kafka-event-server';
import { KAFKA_CLIENT } from './kafka/kafka.tokens';
import { MessagingLifecycle } from './messaging-lifecycle';
import { MessagingMetrics } from './messaging.metrics';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { MessagingReadinessCheck } from './messaging-readiness.check';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';

/**
 * Reliable events for one service: transactional outbox + relay, idempotent inbox with retries and dead letters.
 * Needs PersistenceModule (the outbox and inbox live in the service's database, see MESSAGING_MIGRATIONS).
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const topics = options.subscribeTo ?? [];
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: topics.length ? [createEventsController(topics)] : [],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA_CLIENT, useFactory: () => createKafkaClient(options.serviceName, options.brokers) },
        {
          provide: KafkaEventServer,
          useFactory: () =>
            new KafkaEventServer({
              serviceName: options.serviceName,
              brokers: options.brokers,
              consumerGroup: options.consumerGroup ?? options.serviceName,
            }),
        },
        EventProducer,
        MessagingMetrics,
        OutboxWriter,
        OutboxRelay,
        EventHandlerRegistry,
        DeadLetterPublisher,
        InboxProcessor,
        MessagingReadinessCheck,
        MessagingLifecycle,
      ],
      exports: [
        MESSAGING_OPTIONS,
        OutboxWriter,
        OutboxRelay,
        InboxProcessor,
        KafkaEventServer,
        MessagingReadinessCheck,
      ],
    };
  }
}

/** Starts consuming (when the service subscribes to topics); call after `app.init()` or before `app.listen()`. */
export async function startEventConsumer(app: INestApplication): Promise<void> {
  const options = app.get<MessagingOptions>(MESSAGING_OPTIONS);
  if (!options.subscribeTo?.length) return;
  app.connectMicroservice({ strategy: app.get(KafkaEventServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}
