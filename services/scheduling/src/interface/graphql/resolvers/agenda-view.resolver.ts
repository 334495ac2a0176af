import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { AgendaViewQuery } from '../../../application/agenda-views/agenda-view.query';
import { toAgendaViewType } from '../mappers/agenda-view.mapper';
import { AgendaViewType } from '../types/agenda-view.type';

/** SCH-7: shared day and week views across practitioners and sites. */
@Resolver(() => AgendaViewType)
export class AgendaViewResolver {
  constructor(private readonly views: AgendaViewQuery) {}

  @Query(() => AgendaViewType, {
    description: "One local day (midnight to midnight in each site's zone) of a structure's agendas",
  })
  async agendaDay(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('date', { description: 'YYYY-MM-DD' }) date: string,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string | null,
    @Args('profession', { type: () => String, nullable: true }) profession?: string | null,
  ) {
    return toAgendaViewType(structureId, await this.views.day(user, { structureId, date, siteId, profession }), user);
  }

  @Query(() => AgendaViewType, { description: 'The week (Monday to Sunday) holding a date' })
  async agendaWeek(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('date', { description: 'YYYY-MM-DD, any day of the week' }) date: string,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string | null,
    @Args('profession', { type: () => String, nullable: true }) profession?: string | null,
  ) {
    return toAgendaViewType(structureId, await this.views.week(user, { structureId, date, siteId, profession }), user);
  }
}
