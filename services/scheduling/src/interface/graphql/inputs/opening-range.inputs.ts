import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class SnpReleaseInput {
  @Field(() => Int, { description: '0: the same day; 1: the day before…' }) daysBefore!: number;
  @Field({ description: 'HH:mm, site time' }) at!: string;
}

@InputType()
export class DefineOpeningRangeInput {
  @Field(() => ID) practitionerId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => [Int], { nullable: true, description: 'ISO weekdays (1 = Monday); or give recurrence' }) weekdays?:
    number[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'RRULE such as FREQ=WEEKLY;INTERVAL=2;BYDAY=FR; or give weekdays',
  })
  recurrence?: string | null;
  @Field({ description: 'HH:mm, site time' }) startTime!: string;
  @Field({ description: 'HH:mm, site time' }) endTime!: string;
  @Field({ description: 'YYYY-MM-DD' }) validFrom!: string;
  @Field(() => String, { nullable: true }) validUntil?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Motifs allowed; none: every motif' }) motifIds?: string[] | null;
  @Field(() => Float, { nullable: true, description: 'Share of slots held back for unscheduled care, 0 to 1' })
  snpShare?: number | null;
  @Field(() => SnpReleaseInput, { nullable: true, description: 'Default: 18:00 the day before' })
  snpRelease?: SnpReleaseInput | null;
}
