import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Patient', { description: 'Patient identity; every read is written to the access log' })
@Directive('@key(fields: "id")')
export class PatientType {
  @Field(() => ID) id!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field({ description: 'YYYY-MM-DD' }) birthDate!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field() consentToReminders!: boolean;
  @Field({ description: 'Calls go straight through to the practitioner' }) passThrough!: boolean;
  @Field({ description: 'Prefers a human on the phone' }) prefersHuman!: boolean;
  @Field({ description: 'In ALD (affection de longue durée), as staff recorded it with setPatientAld' })
  inAld!: boolean;
  medecinTraitantId!: string | null;
  structureId!: string;
}

@ObjectType('PatientAccessEntry')
export class PatientAccessEntryType {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field(() => ID, {
    nullable: true,
    description: "Null when a platform service read the structure's patients as a whole (counts and opaque ids)",
  })
  patientId!: string | null;
  @Field({ description: 'How: a GraphQL operation, or `<channel>:<what>` when no member read (member is null)' })
  operation!: string;
  memberId!: string;
}
