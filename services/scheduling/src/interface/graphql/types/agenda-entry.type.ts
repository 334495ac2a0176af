import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { AppointmentStatus } from '../../../domain/appointment-status';
import { AppointmentStatusGql } from './enums';
import { PatientRefType } from './patient-ref.type';

@ObjectType('AgendaEntry', {
  description:
    'Busy time in a shared agenda: colleagues see the time and the motif; the practitioner and booking staff of the site also the status and the patient',
})
export class AgendaEntryType {
  @Field(() => ID) id!: string;
  @Field(() => ID) practitionerId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => ID) motifId!: string;
  @Field() motifLabel!: string;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field({ description: 'Whether status and patient are shown to the caller' }) detailsVisible!: boolean;
  @Field(() => AppointmentStatusGql, { nullable: true }) status!: AppointmentStatus | null;
  @Field(() => PatientRefType, { nullable: true, description: 'Resolved by the directory (access-logged)' })
  patient!: PatientRefType | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'A pooled SNP slot booked by another MSP of the CPTS (SCH-4): that MSP, whose patient it is; its patient is shown to its own staff only',
  })
  bookingStructureId!: string | null;
}
