import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Room', { description: 'A room of a site (consultation, care…), booked with appointments' })
export class RoomType {
  @Field(() => ID) id!: string;
  @Field(() => ID) structureId!: string;
  @Field(() => ID) siteId!: string;
  @Field() label!: string;
  @Field({ description: 'Lower-case tag: consultation, soins, echographie…' }) kind!: string;
  @Field(() => [String]) equipment!: string[];
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Archived rooms are not booked any more' })
  archivedAt!: Date | null;
}

@ObjectType('MotifRoomRequirement', { description: 'What a motif needs of a room; neither kind nor equipment: none' })
export class MotifRoomRequirementType {
  @Field(() => ID) motifId!: string;
  @Field(() => String, { nullable: true }) roomKind!: string | null;
  @Field(() => [String]) equipment!: string[];
}

@ObjectType('SiteTravelTime', { description: 'Minutes kept free between two sites of a structure, either way' })
export class SiteTravelTimeType {
  @Field(() => ID) structureId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => ID) otherSiteId!: string;
  @Field(() => Int) minutes!: number;
}
