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
  medecinTraitantId!: string | null;
  structureId!: string;
}

@ObjectType('PatientAccessEntry')
export class PatientAccessEntryType {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field(() => ID) patientId!: string;
  @Field() operation!: string;
  memberId!: string;
}
