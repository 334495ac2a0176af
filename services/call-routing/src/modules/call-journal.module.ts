import { Module } from '@nestjs/common';
import { CallJournalQuery } from '../application/journal/call-journal.query';
import { CallJournalResolver } from '../interface/graphql/resolvers/call-journal.resolver';
import { CallRoutingPersistenceModule } from './call-routing-persistence.module';

/** The call journal and its statistics (CAL-5). */
@Module({
  imports: [CallRoutingPersistenceModule],
  providers: [CallJournalQuery, CallJournalResolver],
})
export class CallJournalModule {}
