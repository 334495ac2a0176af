import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

/** What the directory said of the identity typed online: shown to staff only, never to the public page. */
export enum OnlineIdentityGql {
  KNOWN_PATIENT = 'known_patient',
  NEW_PATIENT = 'new_patient',
  UNKNOWN_PATIENT = 'unknown_patient',
}

registerEnumType(OnlineIdentityGql, {
  name: 'OnlineIdentity',
  description:
    'KNOWN_PATIENT: exactly one patient matched (patientId); NEW_PATIENT: none, the motif takes new patients; ' +
    'UNKNOWN_PATIENT: none, and the motif is for known patients only (staff decide)',
});

@ObjectType('OnlineBookingRequest', {
  description:
    'An online booking awaiting staff: the slot is held; what was typed is in the directory until decided or purged',
})
export class OnlineBookingRequestType {
  @Field(() => ID) id!: string;
  @Field(() => ID) structureId!: string;
  @Field(() => ID) holdId!: string;
  @Field(() => OnlineIdentityGql) identity!: OnlineIdentityGql;
  @Field(() => ID, {
    nullable: true,
    description: 'The matched patient: nothing is booked in their name until staff confirm',
  })
  patientId!: string | null;
  @Field(() => ID) practitionerId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => ID) motifId!: string;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'Unconfirmed by then, the slot is free again' }) holdExpiresAt!: Date;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}
