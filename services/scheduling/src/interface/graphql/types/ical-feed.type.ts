import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('IcalFeed', {
  description: "A secret calendar URL of a practitioner's agenda (the URL itself is shown only when created)",
})
export class IcalFeedType {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType('CreatedIcalFeed')
export class CreatedIcalFeedType {
  @Field(() => IcalFeedType) feed!: IcalFeedType;
  @Field({ description: 'Subscribe a phone calendar to it; keep it secret; revoke the feed if it leaks' }) url!: string;
}
