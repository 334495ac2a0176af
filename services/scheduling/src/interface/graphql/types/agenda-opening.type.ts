import { Field, Float, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('AgendaOpening', { description: "One day's occurrence of an opening range, as instants" })
export class AgendaOpeningType {
  @Field(() => ID) rangeId!: string;
  @Field(() => ID) siteId!: string;
  @Field({ description: "YYYY-MM-DD in the site's zone" }) date!: string;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field(() => [ID], { description: 'Motifs allowed; empty: every motif' }) motifIds!: string[];
  @Field(() => Float) snpShare!: number;
}
