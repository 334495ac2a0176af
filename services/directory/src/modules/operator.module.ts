import { type DynamicModule, Global, Module } from '@nestjs/common';
import { MESSAGING_MIGRATIONS, MESSAGING_OPTIONS, OutboxWriter } from '@msp/messaging';
import { PersistenceModule } from '@msp/persistence';
import { DIRECTORY_ENTITIES } from '../infrastructure/entities';
import { DIRECTORY_MIGRATIONS } from '../infrastructure/migrations';
import { CreateStructureHandler } from '../application/structures/create-structure.handler';
import { OnboardStructureHandler } from '../application/structures/onboard-structure.handler';
import { DirectoryPersistenceModule } from './directory-persistence.module';

/**
 * The outbox without Kafka: the operator's command records its events in the directory's outbox, in the transaction
 * of its writes, and the running service's relay publishes them, as for any other write.
 */
@Global()
@Module({})
class OutboxOnlyModule {
  static forRoot(): DynamicModule {
    return {
      module: OutboxOnlyModule,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: { serviceName: 'directory', brokers: [] } }, OutboxWriter],
      exports: [OutboxWriter],
    };
  }
}

/**
 * What a platform operator's command needs (`npm run operator`): the directory's database (migrated the same way, under
 * the same lock, if it is behind) and the structures' handlers — the ones the GraphQL mutations use. No HTTP, no
 * GraphQL, no Kafka: a Nest application context.
 */
@Module({})
export class OperatorModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: OperatorModule,
      imports: [
        PersistenceModule.forRoot({
          url: databaseUrl,
          entities: DIRECTORY_ENTITIES,
          migrations: [...MESSAGING_MIGRATIONS, ...DIRECTORY_MIGRATIONS],
          applicationName: 'directory-operator',
        }),
        OutboxOnlyModule.forRoot(),
        DirectoryPersistenceModule,
      ],
      // The handlers alone: StructuresModule would bring the GraphQL side, which needs the subgraph's authentication.
      providers: [CreateStructureHandler, OnboardStructureHandler],
    };
  }
}
