import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { InvitationAnswerEnum, MeetingKindEnum } from '../types/coordination-enums';

@InputType()
export class ScheduleMeetingInput {
  @Field(() => ID) structureId!: string;
  @Field(() => MeetingKindEnum) kind!: MeetingKindEnum;
  @Field() title!: string;
  @Field(() => ID, { nullable: true, description: 'Null for a remote meeting' }) siteId?: string | null;
  @Field(() => String, { nullable: true, description: 'https:// link of a remote or hybrid meeting' })
  videoLink?: string | null;
  @Field({ description: 'ISO-8601 instant with offset' }) startsAt!: string;
  @Field({ description: 'ISO-8601 instant with offset' }) endsAt!: string;
  @Field(() => [ID], { description: 'Members of the structure; the organiser is always invited' })
  inviteeIds!: string[];
  @Field(() => Boolean, {
    nullable: true,
    description: 'Place it even where invitees have patients booked (their agendas are then left as they are)',
  })
  placeOverBookedPatients?: boolean | null;
}

@InputType()
export class RescheduleMeetingInput {
  @Field(() => ID) meetingId!: string;
  @Field() startsAt!: string;
  @Field() endsAt!: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => Boolean, { nullable: true }) placeOverBookedPatients?: boolean | null;
}

@InputType()
export class CancelMeetingInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType()
export class AnswerInvitationInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => InvitationAnswerEnum, { description: 'yes, no or maybe' }) answer!: InvitationAnswerEnum;
}
