import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { NoShowRateQuery } from '../../../application/reminders/no-show-rate.query';
import { NoShowRateInput, NoShowRateType } from '../types/no-show-rate.type';

@Resolver(() => NoShowRateType)
export class NoShowRateResolver {
  constructor(private readonly rates: NoShowRateQuery) {}

  @Query(() => [NoShowRateType], { description: 'No-show rate per practitioner and month' })
  noShowRates(@CurrentUser() user: UserContext, @Args('input') input: NoShowRateInput) {
    return this.rates.execute(user, input);
  }
}
