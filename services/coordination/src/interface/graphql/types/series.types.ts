import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { MeetingKindEnum } from './coordination-enums';
import { MeetingType } from './meeting.types';

@ObjectType('MeetingSeries')
export class MeetingSeriesType {
  @Field(() => ID) id!: string;
  @Field(() => ID) structureId!: string;
  @Field(() => MeetingKindEnum) kind!: MeetingKindEnum;
  @Field() title!: string;
  @Field() rrule!: string;
  @Field() timeZone!: string;
  @Field() localStartTime!: string;
  @Field(() => Int) durationMinutes!: number;
  @Field() startsOn!: string;
  @Field(() => String, { nullable: true }) endsOn!: string | null;
  @Field(() => ID, { nullable: true }) siteId!: string | null;
  @Field(() => String, { nullable: true }) videoLink!: string | null;
  @Field(() => [ID]) inviteeIds!: string[];
  @Field(() => ID) organizerId!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) endedAt!: Date | null;
  @Field(() => [MeetingType], { description: 'Its meetings written so far (90 days ahead), by start' })
  occurrences!: MeetingType[];
}
