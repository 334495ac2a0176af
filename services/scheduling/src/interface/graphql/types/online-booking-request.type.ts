import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('OnlineBookingRequest', {
  description:
    "A new patient's online booking awaiting staff: the slot is held; the identity is in the directory until confirmed",
})
export class OnlineBookingRequestType {
  @Field(() => ID) id!: string;
  @Field(() => ID) structureId!: string;
  @Field(() => ID) holdId!: string;
  @Field(() => ID) practitionerId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => ID) motifId!: string;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'Unconfirmed by then, the slot is free again' }) holdExpiresAt!: Date;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}
