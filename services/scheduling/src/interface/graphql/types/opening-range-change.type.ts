import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { AppointmentStatus } from '../../../domain/appointment-status';
import type { OutsideDecision } from '../../../application/ports/opening-range-changes.repository';
import { AppointmentStatusGql } from './enums';
import { OpeningRangeType } from './opening-range.type';

export enum OutsideAppointmentChoiceGql {
  KEEP = 'keep',
  MOVE = 'move',
  CANCEL = 'cancel',
}

export enum OutsideAppointmentDecisionGql {
  KEPT = 'kept',
  MOVED = 'moved',
  CANCELLED = 'cancelled',
}

registerEnumType(OutsideAppointmentChoiceGql, {
  name: 'OutsideAppointmentChoice',
  description:
    'KEEP: it stays where it is, an exception that remains valid; MOVE: rescheduled (startsAt…); CANCEL: with a reason',
});
registerEnumType(OutsideAppointmentDecisionGql, { name: 'OutsideAppointmentDecision' });

@ObjectType('AppointmentOutsideOpeningRanges', {
  description:
    'A booked appointment a change of opening ranges left outside them: it stays booked until staff keep, move or cancel it. Time and motif only; the appointment itself shows its patient to those who may see them',
})
export class AppointmentOutsideRangesType {
  @Field(() => ID) appointmentId!: string;
  @Field(() => ID) structureId!: string;
  @Field(() => ID) practitionerId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => ID) motifId!: string;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field(() => AppointmentStatusGql) status!: AppointmentStatus;
  @Field(() => ID, { description: 'The range whose change left it outside' }) openingRangeId!: string;
  @Field(() => GraphQLISODateTime) listedAt!: Date;
  @Field(() => OutsideAppointmentDecisionGql, { nullable: true, description: 'Null until decided' })
  decision!: OutsideDecision | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt!: Date | null;
}

@ObjectType('OpeningRangeChange', { description: 'What ending or editing an opening range did, and left to decide' })
export class OpeningRangeChangeType {
  @Field(() => OpeningRangeType, {
    nullable: true,
    description:
      'The range as it now stands (ended the day before, or edited in place); null: withdrawn before its first day',
  })
  range!: OpeningRangeType | null;
  @Field(() => OpeningRangeType, {
    nullable: true,
    description: 'The new range carrying the edit from its first day on (when the range had begun)',
  })
  replacement!: OpeningRangeType | null;
  @Field(() => [AppointmentOutsideRangesType], {
    description:
      'Booked appointments now outside every range: nothing was moved or cancelled; decide each with decideAppointmentOutsideOpeningRanges',
  })
  outsideAppointments!: AppointmentOutsideRangesType[];
}
