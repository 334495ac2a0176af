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
