import { Module } from '@nestjs/common';
import { DraftProtocolHandler } from '../application/protocols/draft-protocol.handler';
import { ProtocolLifecycleHandler } from '../application/protocols/protocol-lifecycle.handler';
import { ProtocolsQuery } from '../application/protocols/protocols.query';
import { ProtocolResolver } from '../interface/graphql/resolvers/protocol.resolver';
import { DelegationPersistenceModule } from './delegation-persistence.module';
import { TaskCatalogueModule } from './task-catalogue.module';

/** DEL-2: protocols drafted, adopted, revised and retired, with their events. */
@Module({
  imports: [DelegationPersistenceModule, TaskCatalogueModule],
  providers: [DraftProtocolHandler, ProtocolLifecycleHandler, ProtocolsQuery, ProtocolResolver],
  exports: [DraftProtocolHandler, ProtocolLifecycleHandler],
})
export class ProtocolsModule {}
