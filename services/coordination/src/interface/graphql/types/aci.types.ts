import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AciGpShare', { description: 'One GP’s eligible patients reviewed in counted meetings this year' })
export class AciGpShareType {
  @Field(() => ID) memberId!: string;
  @Field(() => Int, { description: 'Médecin-traitant patients aged 75+ or in ALD' }) eligibleCount!: number;
  @Field(() => Int) reviewedCount!: number;
  @Field(() => Float, { nullable: true, description: 'Null when the GP has no eligible patient' })
  sharePercent!: number | null;
  @Field(() => Float) targetPercent!: number;
  @Field() met!: boolean;
  @Field(() => Int, { description: 'Cases of distinct eligible patients still to review before 31 December' })
  casesMissing!: number;
}

@ObjectType('AciConcertation', { description: 'Where the structure stands for the ACI’s concertation criteria' })
export class AciConcertationType {
  @Field(() => ID) structureId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int, {
    description: 'Held RCP and synthesis meetings that met the pluriprofessional rule, minutes closed',
  })
  meetingsCounted!: number;
  @Field(() => Int) meetingTarget!: number;
  @Field(() => Int) meetingsMissing!: number;
  @Field(() => [ID]) countedMeetingIds!: string[];
  @Field(() => Int, { description: 'Days from today to 31 December of the year' }) daysLeft!: number;
  @Field() sharesAvailable!: boolean;
  @Field(() => String, { nullable: true }) sharesUnavailableReason!: string | null;
  @Field(() => [AciGpShareType], { nullable: true, description: 'Null when the directory did not answer' })
  shares!: AciGpShareType[] | null;
}

@ObjectType('PatientToReview', { description: 'An eligible patient (opaque id) to put on a next agenda' })
export class PatientToReviewType {
  @Field(() => ID) patientId!: string;
  @Field(() => ID, { description: 'The patient’s médecin traitant' }) gpId!: string;
}
