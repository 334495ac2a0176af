import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { CallJournalQuery } from '../../../application/journal/call-journal.query';
import { CallJournalInput } from '../inputs/call-routing.inputs';
import { toJournalEntryType } from '../mappers/call-routing.mappers';
import { CallJournalEntryType, CallStatisticsType } from '../types/call-routing.types';

@Resolver(() => CallJournalEntryType)
export class CallJournalResolver {
  constructor(private readonly journal: CallJournalQuery) {}

  @Query(() => [CallJournalEntryType], { description: 'Calls, newest first, with the decision trace of each' })
  async callJournal(@CurrentUser() user: UserContext, @Args('input') input: CallJournalInput) {
    return (await this.journal.calls(user, input)).map(toJournalEntryType);
  }

  @Query(() => CallStatisticsType, {
    description: 'Calls per day and hour, share without a human, interruptions saved',
  })
  async callStatistics(@CurrentUser() user: UserContext, @Args('input') input: CallJournalInput) {
    const stats = await this.journal.statistics(user, input);
    return { ...stats, shareWithoutHuman: stats.calls === 0 ? 0 : stats.handledWithoutHuman / stats.calls };
  }
}
