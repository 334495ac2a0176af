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
  @Field(() => ID, {
    nullable: true,
    description: 'A room of the site; omitted, a motif that needs a room gets the first suitable free one',
  })
  roomId?: string | null;
}

@InputType()
export class BookPooledSnpSlotInput extends BookAppointmentInput {
  @Field(() => ID, { description: 'The CPTS whose pool the slot is in (`snpSlots`)' }) cptsId!: string;
  @Field(() => ID, { description: "The caller's MSP, a member of the CPTS; the patient is its patient" })
  bookingStructureId!: string;
}

@InputType()
export class HoldSlotInput {
  @Field(() => ID) practitionerId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => ID) motifId!: string;
  @Field(() => ID, { nullable: true }) patientId?: string | null;
  @Field() startsAt!: string;
  @Field(() => ID, { nullable: true, description: 'A room of the site (see BookAppointmentInput.roomId)' })
  roomId?: string | null;
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
