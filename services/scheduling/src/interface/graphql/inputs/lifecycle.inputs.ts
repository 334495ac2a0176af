import { Field, ID, InputType } from '@nestjs/graphql';
import type { FollowUpExamV1 } from '@msp/contracts';
import { FollowUpExamGql } from '../types/enums';

@InputType()
export class RescheduleAppointmentInput {
  @Field(() => ID) appointmentId!: string;
  @Field({ description: 'New start, ISO-8601 instant with offset; the end follows from the motif' }) startsAt!: string;
  @Field(() => ID, { nullable: true, description: 'Another practitioner of the structure; default: the same' })
  practitionerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Another site; default: the same' }) siteId?: string | null;
}

@InputType()
export class AppointmentStepInput {
  @Field(() => ID) appointmentId!: string;
}

@InputType({ description: 'An exam whose result the practitioner asks the team to chase' })
export class AppointmentFollowUpInput {
  @Field(() => FollowUpExamGql) exam!: FollowUpExamV1;
  @Field({ description: 'ISO-8601 instant with offset: after the completion, at most 366 days later' }) dueBy!: string;
}

@InputType()
export class CompleteAppointmentInput {
  @Field(() => ID) appointmentId!: string;
  @Field(() => AppointmentFollowUpInput, {
    nullable: true,
    description: 'Practitioners only: an exam to chase, which becomes a delegation task',
  })
  followUp?: AppointmentFollowUpInput | null;
}
