import { Field, ID, InputType } from '@nestjs/graphql';

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
