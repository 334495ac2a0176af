import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { BoardViewEnum, TaskPriorityEnum, TaskStatusEnum, ValidationCircuitEnum } from '../types/delegation-enums';

@InputType()
export class SetTaskTypeInput {
  @Field(() => ID) structureId!: string;
  @Field({ description: 'A default type’s code to edit it, or a new code for a type of the structure’s own' })
  code!: string;
  @Field(() => String, { nullable: true }) label?: string | null;
  @Field(() => String, { nullable: true, description: 'administrative or medico_administrative' })
  category?: string | null;
  @Field(() => Int, { nullable: true }) standardMinutes?: number | null;
  @Field(() => [String], { nullable: true }) defaultRoles?: string[] | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

@InputType()
export class AlertThresholdsInput {
  @Field(() => [String], { nullable: true }) categories?: string[] | null;
  @Field(() => [String], { nullable: true }) flags?: string[] | null;
  @Field(() => [String], { nullable: true }) keywords?: string[] | null;
}

@InputType()
export class ProtocolContentFields {
  @Field() title!: string;
  @Field() mission!: string;
  @Field({ description: 'Markdown' }) procedure!: string;
  @Field({ description: "A code of the structure's task catalogue" }) taskType!: string;
  @Field(() => [String]) executingRoles!: string[];
  @Field(() => [String], { description: 'Professions involved, physicians’ and delegates’ (directory codes)' })
  professions!: string[];
  @Field(() => ValidationCircuitEnum) validationCircuit!: ValidationCircuitEnum;
  @Field(() => AlertThresholdsInput, { nullable: true }) alertThresholds?: AlertThresholdsInput | null;
  @Field(() => Int, { nullable: true }) deadlineHours?: number | null;
  @Field(() => Int, { nullable: true }) standardMinutes?: number | null;
}

@InputType()
export class DraftProtocolInput extends ProtocolContentFields {
  @Field(() => ID) structureId!: string;
}

@InputType()
export class EditProtocolInput extends ProtocolContentFields {
  @Field(() => ID) protocolId!: string;
}

@InputType()
export class AdoptProtocolInput {
  @Field(() => ID) protocolId!: string;
  @Field(() => ID, { nullable: true, description: 'The coordination meeting that adopts it' }) meetingId?:
    string | null;
}

@InputType()
export class CreateTaskInput {
  @Field(() => ID) structureId!: string;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Null: the protocol adopted for the task type, if any' })
  protocolId?: string | null;
  @Field(() => String, { nullable: true, description: 'Required without protocolId' }) taskType?: string | null;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => TaskPriorityEnum, { nullable: true }) priority?: TaskPriorityEnum | null;
  @Field(() => ID, { nullable: true }) assigneeId?: string | null;
  @Field(() => String, { nullable: true, description: 'Without assigneeId: the role whose pool takes it' })
  poolRole?: string | null;
  @Field(() => ID, { nullable: true }) patientId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The physician it is done for (default: you, if you are one)' })
  physicianId?: string | null;
  @Field(() => [String], { nullable: true }) categories?: string[] | null;
  @Field(() => String, { nullable: true, description: 'ISO 8601 instant' }) dueAt?: string | null;
}

@InputType()
export class AssignTaskInput {
  @Field(() => ID) taskId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => ID, { nullable: true }) assigneeId?: string | null;
  @Field(() => String, { nullable: true }) poolRole?: string | null;
}

@InputType()
export class MoveTaskInput {
  @Field(() => ID) taskId!: string;
  @Field(() => TaskStatusEnum) to!: TaskStatusEnum;
  @Field(() => Int, { description: 'The version you read: a move on an older one is refused' })
  expectedVersion!: number;
  @Field(() => String, { nullable: true, description: 'Required to block, escalate, send back or cancel' })
  reason?: string | null;
  @Field(() => String, { nullable: true, description: 'What was done, on submitting or completing' })
  report?: string | null;
  @Field(() => [String], { nullable: true }) flags?: string[] | null;
}

@InputType()
export class CommentTaskInput {
  @Field(() => ID) taskId!: string;
  @Field() body!: string;
}

@InputType()
export class AttachToTaskInput {
  @Field(() => ID) taskId!: string;
  @Field() label!: string;
  @Field({ description: "The document's id or address in the practice software" }) reference!: string;
}

@InputType()
export class BoardFilterInput {
  @Field(() => ID) structureId!: string;
  @Field(() => BoardViewEnum, { nullable: true }) view?: BoardViewEnum | null;
  @Field(() => [TaskStatusEnum], { nullable: true }) statuses?: TaskStatusEnum[] | null;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => ID, { nullable: true }) patientId?: string | null;
  @Field(() => [ID], {
    nullable: true,
    description:
      "Only the tasks made from these facts of other services, whatever their column (a meeting's action items)",
  })
  sourceIds?: string[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 instant: only tasks changed since then (the recent work of the closed columns)',
  })
  updatedSince?: string | null;
  @Field(() => Int, { nullable: true, description: 'At most 500; 200 by default' }) limit?: number | null;
}

@InputType()
export class ReportDysfunctionInput {
  @Field(() => ID) structureId!: string;
  @Field() description!: string;
  @Field(() => ID, { nullable: true }) taskId?: string | null;
  @Field(() => ID, { nullable: true }) protocolId?: string | null;
}
