import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { TaskPriorityEnum, TaskStatusEnum, ValidationCircuitEnum } from './delegation-enums';

@ObjectType('TaskType', { description: 'A kind of delegable work and the physician minutes it stands for (DEL-1)' })
export class TaskTypeType {
  @Field() code!: string;
  @Field() label!: string;
  @Field({ description: 'administrative or medico_administrative' }) category!: string;
  @Field(() => Int) standardMinutes!: number;
  @Field(() => [String], { description: 'Roles that may do it when no protocol says otherwise' })
  defaultRoles!: string[];
  @Field() active!: boolean;
}

@ObjectType('AlertThresholds', { description: 'What sends a task back to the physician on submission (DEL-5)' })
export class AlertThresholdsType {
  @Field(() => [String]) categories!: string[];
  @Field(() => [String]) flags!: string[];
  @Field(() => [String]) keywords!: string[];
}

@ObjectType('ProtocolVersion')
export class ProtocolVersionType {
  @Field(() => Int) version!: number;
  @Field() title!: string;
  @Field() mission!: string;
  @Field({ description: 'Markdown' }) procedure!: string;
  @Field() taskType!: string;
  @Field(() => [String]) executingRoles!: string[];
  @Field(() => [String]) professions!: string[];
  @Field() pluriprofessional!: boolean;
  @Field(() => ValidationCircuitEnum) validationCircuit!: ValidationCircuitEnum;
  @Field(() => AlertThresholdsType) alertThresholds!: AlertThresholdsType;
  @Field(() => Int, { nullable: true, description: 'Hours a task may take before it escalates' })
  deadlineHours!: number | null;
  @Field(() => Int, { nullable: true, description: "Null: the catalogue type's minutes" })
  standardMinutes!: number | null;
  @Field(() => ID) writtenBy!: string;
  @Field(() => GraphQLISODateTime) writtenAt!: Date;
  @Field(() => ID, { nullable: true }) adoptedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) adoptedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The coordination meeting that adopted it' }) meetingId!:
    string | null;
}

@ObjectType('DelegationProtocol', { description: 'A delegated mission, its procedure and its medical control (DEL-2)' })
export class ProtocolType {
  @Field(() => ID) id!: string;
  @Field(() => ID) structureId!: string;
  @Field({ description: 'draft, adopted or retired' }) status!: string;
  @Field(() => Int) currentVersion!: number;
  @Field(() => ProtocolVersionType) current!: ProtocolVersionType;
  @Field(() => ID) createdBy!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  /** Resolved by ProtocolResolver.versions. */
  versions?: ProtocolVersionType[];
}

/**
 * The directory's Patient, by id only: delegation keeps no identity; the gateway asks the directory for the name, which
 * logs the read. Delegation never answers for it (not resolvable here).
 */
@ObjectType('Patient')
@Directive('@key(fields: "id", resolvable: false)')
export class PatientRefType {
  @Field(() => ID) id!: string;
}

@ObjectType('Task', { description: 'A piece of delegated work on the board (DEL-3, DEL-4)' })
export class TaskObjectType {
  @Field(() => ID) id!: string;
  @Field(() => ID) structureId!: string;
  @Field(() => ID, { nullable: true }) siteId!: string | null;
  @Field() taskType!: string;
  @Field(() => ID, { nullable: true }) protocolId!: string | null;
  @Field(() => Int, { nullable: true, description: 'The protocol version it is done under' })
  protocolVersion!: number | null;
  @Field(() => ValidationCircuitEnum) validationCircuit!: ValidationCircuitEnum;
  @Field({ description: 'person, call_message, meeting_action_item or appointment_follow_up' }) origin!: string;
  @Field(() => ID, { nullable: true, description: 'The call, action item or appointment it was made from' })
  sourceId!: string | null;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => TaskPriorityEnum) priority!: TaskPriorityEnum;
  @Field(() => TaskStatusEnum) status!: TaskStatusEnum;
  @Field(() => ID, { nullable: true }) assigneeId!: string | null;
  @Field(() => String, { nullable: true, description: 'A pool task: the role that may take it (at siteId)' })
  poolRole!: string | null;
  @Field(() => ID, { nullable: true, description: 'Opaque: the name comes from the directory' }) patientId!:
    string | null;
  @Field(() => ID, { nullable: true, description: 'The physician the work is done for' }) physicianId!: string | null;
  @Field(() => [String]) categories!: string[];
  @Field(() => [String]) flags!: string[];
  @Field(() => GraphQLISODateTime, { nullable: true }) dueAt!: Date | null;
  @Field(() => ID, { nullable: true }) validatorId!: string | null;
  @Field(() => ID, { nullable: true, description: "Null while escalated: the site's practitioners" })
  escalatedTo!: string | null;
  @Field(() => String, { nullable: true }) escalationReason!: string | null;
  @Field(() => ID, { nullable: true, description: 'Null: made from another service’s fact' }) createdBy!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) completedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Physician minutes it stood for, fixed at completion' })
  standardMinutes!: number | null;
  @Field(() => Int, { description: 'Send it back with the next move (optimistic locking)' }) version!: number;
}

@ObjectType('TaskTransition', { description: 'One line of the audit trail: who, when, from, to, why' })
export class TaskTransitionType {
  @Field(() => TaskStatusEnum, { nullable: true }) fromStatus!: TaskStatusEnum | null;
  @Field(() => TaskStatusEnum) toStatus!: TaskStatusEnum;
  @Field() move!: string;
  @Field(() => ID, { nullable: true, description: 'Null: the platform (an event, the deadline)' }) actorId!:
    string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => Int) version!: number;
  @Field(() => ID, { nullable: true, description: 'Whom it was sent to: the escalation’s physician, the validator' })
  targetId?: string | null;
}

@ObjectType('TaskComment')
export class TaskCommentType {
  @Field(() => ID) id!: string;
  @Field(() => ID) authorId!: string;
  @Field() body!: string;
  @Field(() => GraphQLISODateTime) at!: Date;
}

@ObjectType('TaskAttachment', { description: 'A document by reference: its id or address in the practice software' })
export class TaskAttachmentType {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field() reference!: string;
  @Field(() => ID) addedBy!: string;
  @Field(() => GraphQLISODateTime) at!: Date;
}

@ObjectType('TaskDetail')
export class TaskDetailType {
  @Field(() => TaskObjectType) task!: TaskObjectType;
  @Field(() => [TaskTransitionType]) history!: TaskTransitionType[];
  @Field(() => [TaskCommentType]) comments!: TaskCommentType[];
  @Field(() => [TaskAttachmentType]) attachments!: TaskAttachmentType[];
  @Field(() => [TaskStatusEnum], { description: 'Where it may move now' }) allowedTargets!: TaskStatusEnum[];
}

@ObjectType('ThresholdHit')
export class ThresholdHitType {
  @Field({ description: 'category, flag or keyword' }) kind!: string;
  @Field() entry!: string;
}

@ObjectType('TaskMoveResult')
export class TaskMoveResultType {
  @Field(() => TaskObjectType) task!: TaskObjectType;
  @Field(() => [ThresholdHitType], { description: 'Not empty: an alert threshold sent it to a physician instead' })
  thresholdHits!: ThresholdHitType[];
}

@ObjectType('TimeFreedWeek', {
  description: 'Medical time freed: completed delegated tasks × standard minutes (DEL-6)',
})
export class TimeFreedWeekType {
  @Field({ description: 'ISO week, Europe/Paris (2026-W49)' }) isoWeek!: string;
  @Field(() => ID, { nullable: true }) physicianId!: string | null;
  @Field(() => Int) minutes!: number;
  @Field(() => Int) tasks!: number;
}

@ObjectType('DelegationReviewCount')
export class ReviewCountType {
  @Field(() => ID) memberId!: string;
  @Field(() => Int) completed!: number;
  @Field(() => Int) validated!: number;
  @Field(() => Int) escalated!: number;
  @Field(() => Int) sentBack!: number;
}

@ObjectType('DysfunctionReport')
export class DysfunctionReportType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) taskId!: string | null;
  @Field(() => ID, { nullable: true }) protocolId!: string | null;
  @Field(() => ID) reportedBy!: string;
  @Field() description!: string;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field() isoWeek!: string;
}

@ObjectType('WeeklyDelegationReview', { description: 'The weekly review of delegated work (DEL-6)' })
export class WeeklyReviewType {
  @Field() isoWeek!: string;
  @Field(() => GraphQLISODateTime) from!: Date;
  @Field(() => GraphQLISODateTime) to!: Date;
  @Field(() => [ReviewCountType]) delegates!: ReviewCountType[];
  @Field(() => [ReviewCountType]) referents!: ReviewCountType[];
  @Field(() => [TaskObjectType]) toReview!: TaskObjectType[];
  @Field(() => [DysfunctionReportType]) dysfunctions!: DysfunctionReportType[];
}
