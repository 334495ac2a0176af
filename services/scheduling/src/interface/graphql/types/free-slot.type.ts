import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('FreeSlot')
export class FreeSlotType {
  @Field(() => ID) practitionerId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => ID) motifId!: string;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field({ description: 'Held back for unscheduled care (SNP)' }) snp!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) snpReleasesAt!: Date | null;
}
