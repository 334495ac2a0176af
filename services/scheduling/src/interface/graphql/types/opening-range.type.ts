import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SnpRelease', {
  description: 'SNP slots become visible outside staff at `at` (site time), `daysBefore` days before their day',
})
export class SnpReleaseType {
  @Field(() => Int) daysBefore!: number;
  @Field({ description: 'HH:mm' }) at!: string;
}

@ObjectType('AgendaOpeningRange', {
  description: "A practitioner's recurring opening range at a site, in the site's wall time",
})
export class OpeningRangeType {
  @Field(() => ID) id!: string;
  @Field(() => ID) structureId!: string;
  @Field(() => ID) practitionerId!: string;
  @Field(() => ID) siteId!: string;
  @Field({ description: 'RRULE choosing the days, e.g. FREQ=WEEKLY;BYDAY=MO,TH' }) recurrence!: string;
  @Field({ description: 'HH:mm' }) startTime!: string;
  @Field({ description: 'HH:mm' }) endTime!: string;
  @Field({ description: 'YYYY-MM-DD' }) validFrom!: string;
  @Field(() => String, { nullable: true }) validUntil!: string | null;
  @Field(() => [ID], { description: 'Motifs allowed; empty: every motif' }) motifIds!: string[];
  @Field(() => Float) snpShare!: number;
  @Field(() => SnpReleaseType) snpRelease!: SnpReleaseType;
  @Field(() => Int, {
    description: 'Bumped by every change; editOpeningRange and endOpeningRange name the version read',
  })
  version!: number;
  @Field(() => ID, { nullable: true, description: 'The range this one continues from validFrom (an edit from a date)' })
  replaces!: string | null;
}
