import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { AttendanceStatusEnum, InvitationAnswerEnum, MeetingKindEnum, MeetingStatusEnum } from './coordination-enums';

@ObjectType('MeetingInvitation')
export class InvitationType {
  @Field(() => ID) memberId!: string;
  @Field(() => InvitationAnswerEnum) answer!: InvitationAnswerEnum;
  @Field(() => GraphQLISODateTime, { nullable: true }) answeredAt!: Date | null;
  @Field({ description: "Scheduling could not block this member's agenda: patients are booked over the meeting" })
  agendaRefused!: boolean;
  @Field(() => Int) overlappingAppointments!: number;
  @Field(() => AttendanceStatusEnum, { nullable: true }) attendance!: AttendanceStatusEnum | null;
}

@ObjectType('Meeting')
export class MeetingType {
  @Field(() => ID) id!: string;
  @Field(() => ID) structureId!: string;
  @Field(() => ID, { nullable: true }) seriesId!: string | null;
  @Field(() => MeetingKindEnum) kind!: MeetingKindEnum;
  @Field() title!: string;
  @Field(() => ID, { nullable: true }) siteId!: string | null;
  @Field(() => String, { nullable: true }) videoLink!: string | null;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field(() => MeetingStatusEnum) status!: MeetingStatusEnum;
  @Field(() => ID) organizerId!: string;
  @Field(() => Int, { description: 'Send it back as expectedVersion when changing the meeting' }) version!: number;
  @Field(() => GraphQLISODateTime, { nullable: true }) heldAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
  @Field(() => [String], { description: 'Profession codes of the members present' }) professionsPresent!: string[];
  @Field(() => Boolean, {
    nullable: true,
    description: "The structure's pluriprofessional rule met by those present; null until attendance is recorded",
  })
  pluriprofessional!: boolean | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) minutesClosedAt!: Date | null;
  @Field(() => [InvitationType]) invitations!: InvitationType[];
}
