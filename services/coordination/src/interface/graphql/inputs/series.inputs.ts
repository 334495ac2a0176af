import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { MeetingKindEnum } from '../types/coordination-enums';

@InputType()
export class CreateMeetingSeriesInput {
  @Field(() => ID) structureId!: string;
  @Field(() => MeetingKindEnum) kind!: MeetingKindEnum;
  @Field() title!: string;
  @Field({ description: 'RFC 5545 RRULE choosing the dates, e.g. FREQ=MONTHLY;BYDAY=1TU (no time, DTSTART or UNTIL)' })
  rrule!: string;
  @Field({ description: "Local start HH:mm in the structure's zone, kept across DST changes (12:30)" })
  localStartTime!: string;
  @Field(() => Int) durationMinutes!: number;
  @Field({ description: 'First possible date, YYYY-MM-DD' }) startsOn!: string;
  @Field(() => String, { nullable: true, description: 'Last possible date, YYYY-MM-DD; open-ended when null' })
  endsOn?: string | null;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => String, { nullable: true }) videoLink?: string | null;
  @Field(() => [ID], { description: 'Members of the structure; the organiser is always invited' })
  inviteeIds!: string[];
}

@InputType()
export class EndMeetingSeriesInput {
  @Field(() => ID) seriesId!: string;
}
