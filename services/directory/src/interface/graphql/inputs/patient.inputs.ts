import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class RegisterPatientInput {
  @Field(() => ID) structureId!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field({ description: 'YYYY-MM-DD' }) birthDate!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => Boolean, { nullable: true }) consentToReminders?: boolean | null;
  @Field(() => ID, { nullable: true }) medecinTraitantId?: string | null;
  @Field(() => Boolean, { nullable: true }) passThrough?: boolean | null;
  @Field(() => Boolean, { nullable: true }) prefersHuman?: boolean | null;
}

@InputType()
export class UpdatePatientInput {
  @Field(() => ID) patientId!: string;
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true }) birthDate?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => Boolean, { nullable: true }) consentToReminders?: boolean | null;
  @Field(() => ID, { nullable: true }) medecinTraitantId?: string | null;
  @Field(() => Boolean, { nullable: true }) passThrough?: boolean | null;
  @Field(() => Boolean, { nullable: true }) prefersHuman?: boolean | null;
}

@InputType()
export class SetPatientAldInput {
  @Field(() => ID) patientId!: string;
  @Field({ description: 'true: the patient is in ALD (affection de longue durée); false: no longer' })
  inAld!: boolean;
}
