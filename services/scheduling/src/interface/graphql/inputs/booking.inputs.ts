import { Field, ID, InputType } from '@nestjs/graphql';
import type { CancellationParty, CancelReason } from '../../../domain/appointment-status';
import { CancellationPartyGql, CancelReasonGql } from '../types/enums';

@InputType()
export class BookAppointmentInput {
  @Field(() => ID) practitionerId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => ID) motifId!: string;
  @Field(() => ID, { description: 'Opaque directory id' }) patientId!: string;
  @Field({ description: 'ISO-8601 instant with offset; the end follows from the motif' }) startsAt!: string;
}

@InputType()
export class HoldSlotInput {
  @Field(() => ID) practitionerId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => ID) motifId!: string;
  @Field(() => ID, { nullable: true }) patientId?: string | null;
  @Field() startsAt!: string;
}

@InputType()
export class ConfirmHoldInput {
  @Field(() => ID) holdId!: string;
  @Field(() => ID, { nullable: true, description: 'Required unless the hold names the patient' }) patientId?:
    string | null;
}

@InputType()
export class CancelAppointmentInput {
  @Field(() => ID) appointmentId!: string;
  @Field(() => CancelReasonGql) reason!: CancelReason;
  @Field(() => CancellationPartyGql, { nullable: true }) cancelledBy?: CancellationParty | null;
}
