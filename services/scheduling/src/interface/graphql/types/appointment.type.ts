import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { AppointmentStatus } from '../../../domain/appointment-status';
import type { BookingChannel } from '../../../domain/booking-channel';
import { AppointmentStatusGql, BookingChannelGql } from './enums';

@ObjectType('Appointment', { description: 'An appointment or a hold in a practitioner agenda' })
export class AppointmentType {
  @Field(() => ID) id!: string;
  @Field(() => ID) structureId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => ID) practitionerId!: string;
  @Field(() => ID, { nullable: true, description: 'Shown to the practitioner and to staff of the site only' })
  patientId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'A pooled SNP booking (SCH-4): the MSP of the CPTS that booked it, whose patient it is',
  })
  bookingStructureId!: string | null;
  @Field(() => ID) motifId!: string;
  @Field(() => ID, { nullable: true, description: 'The room of the site booked with it, if any' })
  roomId!: string | null;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field(() => AppointmentStatusGql) status!: AppointmentStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) holdExpiresAt!: Date | null;
  @Field(() => BookingChannelGql) bookedBy!: BookingChannel;
  @Field(() => String, { nullable: true }) cancelledBy!: string | null;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
}
