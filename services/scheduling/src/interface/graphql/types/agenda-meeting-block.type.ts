import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

@ObjectType('AgendaMeetingBlock', {
  description:
    "Time a coordination meeting holds in a practitioner's agenda: busy; nothing else of the meeting is shown",
})
export class AgendaMeetingBlockType {
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
}
