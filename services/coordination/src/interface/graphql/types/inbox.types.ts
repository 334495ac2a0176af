import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum NotificationKindEnum {
  invitation = 'invitation',
  reminder = 'reminder',
  rescheduled = 'rescheduled',
  cancelled = 'cancelled',
}
registerEnumType(NotificationKindEnum, {
  name: 'MeetingNotificationKind',
  description:
    'invitation (invitation), reminder (rappel), rescheduled (réunion déplacée), cancelled (réunion annulée)',
});

@ObjectType('MeetingNotification')
export class MeetingNotificationType {
  @Field(() => ID) id!: string;
  @Field(() => NotificationKindEnum) kind!: NotificationKindEnum;
  @Field(() => ID) meetingId!: string;
  @Field() meetingTitle!: string;
  @Field(() => GraphQLISODateTime) meetingStartsAt!: Date;
  @Field(() => GraphQLISODateTime) dueAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null while unread' }) readAt!: Date | null;
}
