import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import type { AppointmentOutsideRanges } from '../../../application/ports/opening-range-changes.repository';
import { AppointmentsOutsideRangesQuery } from '../../../application/opening-ranges/appointments-outside-ranges.query';
import { DecideOutsideAppointmentHandler } from '../../../application/opening-ranges/decide-outside-appointment.handler';
import { EditOpeningRangeHandler } from '../../../application/opening-ranges/edit-opening-range.handler';
import { EndOpeningRangeHandler } from '../../../application/opening-ranges/end-opening-range.handler';
import type { OpeningRangeChangeResult } from '../../../application/opening-ranges/opening-range-change.steps';
import {
  DecideOutsideAppointmentInput,
  EditOpeningRangeInput,
  EndOpeningRangeInput,
} from '../inputs/opening-range-change.inputs';
import { toOpeningRangeType } from '../mappers/agenda.mapper';
import { AppointmentOutsideRangesType, OpeningRangeChangeType } from '../types/opening-range-change.type';

const toOutsideType = (a: AppointmentOutsideRanges): AppointmentOutsideRangesType => ({ ...a });

const toChangeType = (change: OpeningRangeChangeResult): OpeningRangeChangeType => ({
  range: change.range ? toOpeningRangeType(change.range) : null,
  replacement: change.replacement ? toOpeningRangeType(change.replacement) : null,
  outsideAppointments: change.outsideAppointments.map(toOutsideType),
});

/** SCH-1/2: opening ranges change over time, and nobody's appointment is left outside them without a decision. */
@Resolver(() => OpeningRangeChangeType)
export class OpeningRangeChangeResolver {
  constructor(
    private readonly ender: EndOpeningRangeHandler,
    private readonly editor: EditOpeningRangeHandler,
    private readonly outside: AppointmentsOutsideRangesQuery,
    private readonly decider: DecideOutsideAppointmentHandler,
  ) {}

  @Mutation(() => OpeningRangeChangeType, {
    description: 'Ends a range from a day on; answers the booked appointments now outside the ranges (none is touched)',
  })
  async endOpeningRange(@CurrentUser() user: UserContext, @Args('input') input: EndOpeningRangeInput) {
    return toChangeType(await this.ender.execute(user, input));
  }

  @Mutation(() => OpeningRangeChangeType, {
    description:
      "Changes a range's days, hours, motifs or SNP share from a day on; answers the booked appointments now outside the ranges",
  })
  async editOpeningRange(@CurrentUser() user: UserContext, @Args('input') input: EditOpeningRangeInput) {
    return toChangeType(await this.editor.execute(user, input));
  }

  @Query(() => [AppointmentOutsideRangesType], {
    description: 'Booked appointments changes of opening ranges left outside them, not decided yet, soonest first',
  })
  async appointmentsOutsideOpeningRanges(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('practitionerId', { type: () => ID, nullable: true }) practitionerId?: string | null,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string | null,
  ) {
    return (await this.outside.execute(user, { structureId, practitionerId, siteId })).map(toOutsideType);
  }

  @Mutation(() => AppointmentOutsideRangesType, {
    description: 'Keeps, moves or cancels one appointment a range change left outside the ranges',
  })
  async decideAppointmentOutsideOpeningRanges(
    @CurrentUser() user: UserContext,
    @Args('input') input: DecideOutsideAppointmentInput,
  ) {
    return toOutsideType(await this.decider.execute(user, input));
  }
}
