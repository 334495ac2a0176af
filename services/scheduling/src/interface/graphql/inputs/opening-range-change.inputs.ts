import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import type { CancellationParty, CancelReason } from '../../../domain/appointment-status';
import type { OutsideChoice } from '../../../application/opening-ranges/decide-outside-appointment.handler';
import { CancellationPartyGql, CancelReasonGql } from '../types/enums';
import { OutsideAppointmentChoiceGql } from '../types/opening-range-change.type';
import { SnpReleaseInput } from './opening-range.inputs';

@InputType()
export class EndOpeningRangeInput {
  @Field(() => ID) openingRangeId!: string;
  @Field(() => Int, { description: 'The version of the range as read; a change made meanwhile refuses this one' })
  version!: number;
  @Field({
    description:
      'YYYY-MM-DD, site date: the first day without the range (today or later); on or before its first day: withdrawn',
  })
  from!: string;
}

@InputType()
export class EditOpeningRangeInput {
  @Field(() => ID) openingRangeId!: string;
  @Field(() => Int, { description: 'The version of the range as read; a change made meanwhile refuses this one' })
  version!: number;
  @Field({ description: 'YYYY-MM-DD, site date: the first day the new definition applies (today or later)' })
  from!: string;
  @Field(() => [Int], { nullable: true, description: 'New ISO weekdays (1 = Monday); or give recurrence' })
  weekdays?: number[] | null;
  @Field(() => String, { nullable: true, description: 'New RRULE; or give weekdays; neither: the days stay' })
  recurrence?: string | null;
  @Field(() => String, { nullable: true, description: 'HH:mm, site time' }) startTime?: string | null;
  @Field(() => String, { nullable: true, description: 'HH:mm, site time' }) endTime?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Motifs allowed; an empty list: every motif' })
  motifIds?: string[] | null;
  @Field(() => Float, { nullable: true }) snpShare?: number | null;
  @Field(() => SnpReleaseInput, { nullable: true }) snpRelease?: SnpReleaseInput | null;
}

@InputType()
export class DecideOutsideAppointmentInput {
  @Field(() => ID) appointmentId!: string;
  @Field(() => OutsideAppointmentChoiceGql) decision!: OutsideChoice;
  @Field(() => String, { nullable: true, description: 'MOVE: the new start (ISO-8601 with offset)' })
  startsAt?: string | null;
  @Field(() => ID, { nullable: true, description: 'MOVE: another practitioner of the structure' })
  practitionerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'MOVE: another site of the structure' }) siteId?: string | null;
  @Field(() => CancelReasonGql, { nullable: true, description: 'CANCEL: why' }) reason?: CancelReason | null;
  @Field(() => CancellationPartyGql, { nullable: true }) cancelledBy?: CancellationParty | null;
}
