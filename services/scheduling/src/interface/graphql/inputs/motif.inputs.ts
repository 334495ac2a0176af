import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { BookingChannel } from '../../../domain/booking-channel';
import type { ConsultationChannel } from '../../../domain/motif';
import { BookingChannelGql, ConsultationChannelGql } from '../types/enums';

@InputType()
export class CreateMotifInput {
  @Field(() => ID) structureId!: string;
  @Field(() => ID, { nullable: true, description: "Only for this practitioner's agenda; omitted: the whole structure" })
  practitionerId?: string | null;
  @Field() label!: string;
  @Field(() => Int) durationMinutes!: number;
  @Field(() => ConsultationChannelGql) channel!: ConsultationChannel;
  @Field(() => [BookingChannelGql]) bookableBy!: BookingChannel[];
  @Field() newPatientsAllowed!: boolean;
  @Field(() => Int, { nullable: true }) bufferAfterMinutes?: number | null;
  @Field(() => Int, { nullable: true }) minNoticeMinutes?: number | null;
  @Field(() => Int, { nullable: true }) maxHorizonDays?: number | null;
}

@InputType()
export class EditMotifInput {
  @Field(() => ID) motifId!: string;
  @Field(() => Int, { description: 'The version of the motif as read; a change made meanwhile refuses this one' })
  version!: number;
  @Field(() => String, { nullable: true }) label?: string | null;
  @Field(() => Int, { nullable: true, description: 'For bookings to come; booked appointments keep their times' })
  durationMinutes?: number | null;
  @Field(() => ConsultationChannelGql, { nullable: true }) channel?: ConsultationChannel | null;
  @Field(() => [BookingChannelGql], { nullable: true }) bookableBy?: BookingChannel[] | null;
  @Field(() => Boolean, { nullable: true }) newPatientsAllowed?: boolean | null;
  @Field(() => Int, { nullable: true }) bufferAfterMinutes?: number | null;
  @Field(() => Int, { nullable: true }) minNoticeMinutes?: number | null;
  @Field(() => Int, { nullable: true }) maxHorizonDays?: number | null;
}

@InputType()
export class ArchiveMotifInput {
  @Field(() => ID) motifId!: string;
  @Field(() => Int, { description: 'The version of the motif as read' }) version!: number;
}
