import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('IndicatorHistoryPoint', { description: 'One month of an indicator, scored as indicatorScores scores it' })
export class IndicatorHistoryPointType {
  @Field({ description: 'The month, YYYY-MM' }) period!: string;
  @Field({ description: 'First local day, YYYY-MM-DD' }) start!: string;
  @Field({ description: 'Last local day, YYYY-MM-DD' }) end!: string;
  @Field({ description: 'scored, measured, no_data, incomplete, below_minimum_population, rule_unconfirmed' })
  status!: string;
  @Field(() => Float, { nullable: true, description: 'In the unit: percent for a rate' }) level!: number | null;
  @Field(() => Float, { nullable: true }) numerator!: number | null;
  @Field(() => Float, { nullable: true }) denominator!: number | null;
  @Field(() => Boolean, { nullable: true }) intermediateReached!: boolean | null;
  @Field(() => Boolean, { nullable: true }) targetReached!: boolean | null;
  @Field(() => Float, { nullable: true }) achievementRate!: number | null;
}

@ObjectType('IndicatorHistory', { description: 'An indicator month by month, computed on read from the facts' })
export class IndicatorHistoryType {
  @Field(() => ID) structureId!: string;
  @Field(() => ID, { nullable: true }) practitionerId!: string | null;
  @Field() indicatorCode!: string;
  @Field() label!: string;
  @Field() unit!: string;
  @Field(() => Float, { nullable: true }) intermediateObjective!: number | null;
  @Field(() => Float, { nullable: true }) targetObjective!: number | null;
  @Field(() => [IndicatorHistoryPointType]) points!: IndicatorHistoryPointType[];
}

@ObjectType('IndicatorAlert', {
  description: 'An indicator behind its next objective, and what it would take (French)',
})
export class IndicatorAlertType {
  @Field() indicatorCode!: string;
  @Field() label!: string;
  @Field({ description: 'intermediate, target or minimum_population' }) objective!: string;
  @Field(() => Int, { description: 'How many more (or fewer) are needed' }) missing!: number;
  @Field({ description: 'more, or fewer for a lower-is-better indicator' }) change!: string;
  @Field(() => Int, { description: 'Days left in the period, today included' }) daysLeft!: number;
  @Field() message!: string;
}

@ObjectType('ExportedFile', { description: 'A file to download: its name, type and bytes in base64' })
export class ExportedFileType {
  @Field() fileName!: string;
  @Field() contentType!: string;
  @Field() base64!: string;
}
