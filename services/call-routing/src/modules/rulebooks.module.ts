import { Module } from '@nestjs/common';
import { PublishRulebookHandler } from '../application/rulebooks/publish-rulebook.handler';
import { RulebooksQuery } from '../application/rulebooks/rulebooks.query';
import { RulebookResolver } from '../interface/graphql/resolvers/rulebook.resolver';
import { CallRoutingPersistenceModule } from './call-routing-persistence.module';

/** Versioned rulebooks: validation, publication with its diff, history (CAL-3, CAL-4). */
@Module({
  imports: [CallRoutingPersistenceModule],
  providers: [PublishRulebookHandler, RulebooksQuery, RulebookResolver],
})
export class RulebooksModule {}
