import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AttendanceStatusEnum } from '../types/coordination-enums';
import { CaseThemeEnum, ProtocolRelationEnum } from '../types/minutes-enums';

@InputType()
export class AddMeetingCaseInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => ID, { description: 'Opaque patient id of the directory' }) patientId!: string;
  @Field() reason!: string;
  @Field(() => CaseThemeEnum) theme!: CaseThemeEnum;
  @Field(() => ID, { description: 'The member of the structure presenting the case' }) presenterId!: string;
}

@InputType()
export class UpdateMeetingCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => CaseThemeEnum, { nullable: true }) theme?: CaseThemeEnum | null;
  @Field(() => ID, { nullable: true }) presenterId?: string | null;
}

@InputType()
export class AttendanceEntryInput {
  @Field(() => ID) memberId!: string;
  @Field(() => AttendanceStatusEnum) status!: AttendanceStatusEnum;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => [AttendanceEntryInput], { description: 'The whole attendance: it replaces a former recording' })
  entries!: AttendanceEntryInput[];
}

@InputType()
export class SetPluriprofessionalRuleInput {
  @Field(() => ID) structureId!: string;
  @Field(() => Int, { description: 'Different professions present, 1 to 10' }) minProfessions!: number;
  @Field({ description: 'One of them a physician’s' }) physicianRequired!: boolean;
}

@InputType()
export class RecordDecisionInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => ID, { nullable: true, description: 'Null: a decision of the meeting as a whole' }) caseId?:
    string | null;
  @Field() text!: string;
  @Field(() => ID, { nullable: true, description: 'A delegation protocol the decision is about' }) protocolId?:
    string | null;
}

@InputType()
export class AddActionItemInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => ID, { nullable: true }) caseId?: string | null;
  @Field() description!: string;
  @Field(() => ID, { nullable: true, description: 'A member of the structure; null: the coordinators’ pool' })
  assigneeId?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601 instant with offset' }) dueAt?: string | null;
  @Field(() => String, { nullable: true, description: 'A task type code of delegation’s catalogue' }) taskType?:
    string | null;
  @Field(() => ID, { nullable: true }) protocolId?: string | null;
}

@InputType()
export class ReferenceProtocolInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => ID, { description: 'A protocol of delegation' }) protocolId!: string;
  @Field(() => ProtocolRelationEnum) relation!: ProtocolRelationEnum;
}

@InputType()
export class CloseMinutesInput {
  @Field(() => ID) meetingId!: string;
}
