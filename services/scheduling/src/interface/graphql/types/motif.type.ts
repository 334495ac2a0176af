import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { BookingChannel } from '../../../domain/booking-channel';
import type { ConsultationChannel } from '../../../domain/motif';
import { BookingChannelGql, ConsultationChannelGql } from './enums';

@ObjectType('Motif', { description: 'A consultation type: duration, channel, who may book it' })
export class MotifType {
  @Field(() => ID) id!: string;
  @Field(() => ID) structureId!: string;
  @Field(() => ID, { nullable: true, description: "Set when the motif belongs to one practitioner's agenda" })
  practitionerId!: string | null;
  @Field() label!: string;
  @Field(() => Int) durationMinutes!: number;
  @Field(() => ConsultationChannelGql) channel!: ConsultationChannel;
  @Field(() => [BookingChannelGql]) bookableBy!: BookingChannel[];
  @Field() newPatientsAllowed!: boolean;
  @Field(() => Int) bufferAfterMinutes!: number;
  @Field(() => Int) minNoticeMinutes!: number;
  @Field(() => Int) maxHorizonDays!: number;
  @Field(() => Int, { description: 'Bumped by every change; editMotif and archiveMotif name the version read' })
  version!: number;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Set when archived: no longer offered for new bookings; its appointments keep it',
  })
  archivedAt!: Date | null;
}
