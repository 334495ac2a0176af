import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('SnpSlot', {
  description: "A free unscheduled-care slot in a CPTS's pool, in the agenda of a member practitioner's structure",
})
export class SnpSlotType {
  @Field(() => ID) practitionerId!: string;
  @Field(() => ID, { description: 'The structure (MSP) whose agenda holds the slot' }) structureId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => ID) motifId!: string;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When patients and partners see it' }) releasesAt!: Date;
  @Field() released!: boolean;
}
