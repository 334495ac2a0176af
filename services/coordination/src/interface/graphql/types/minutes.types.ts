import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { CaseThemeEnum, ProtocolRelationEnum } from './minutes-enums';

@ObjectType('MeetingCase', { description: 'A case on a meeting’s agenda; the patient by opaque id only' })
export class MeetingCaseType {
  @Field(() => ID) id!: string;
  @Field(() => ID) meetingId!: string;
  @Field(() => ID) patientId!: string;
  @Field() reason!: string;
  @Field(() => CaseThemeEnum) theme!: CaseThemeEnum;
  @Field(() => ID, { nullable: true }) presenterId!: string | null;
  @Field(() => Int) position!: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('MeetingDecision')
export class MeetingDecisionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) meetingId!: string;
  @Field(() => ID, { nullable: true, description: 'Null: a decision of the meeting as a whole' }) caseId!:
    string | null;
  @Field() text!: string;
  @Field(() => ID, { nullable: true, description: 'A delegation protocol, by reference' }) protocolId!: string | null;
  @Field(() => Int) position!: number;
}

@ObjectType('MeetingActionItem')
export class MeetingActionItemType {
  @Field(() => ID) id!: string;
  @Field(() => ID) meetingId!: string;
  @Field(() => ID, { nullable: true }) caseId!: string | null;
  @Field() description!: string;
  @Field(() => ID, { nullable: true, description: 'Null: the coordinators take it from delegation’s pool' })
  assigneeId!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) dueAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'A task type code of delegation’s catalogue' }) taskType!:
    string | null;
  @Field(() => ID, { nullable: true }) protocolId!: string | null;
  @Field(() => Int) position!: number;
}

@ObjectType('MeetingProtocolReference')
export class MeetingProtocolType {
  @Field(() => ID) protocolId!: string;
  @Field(() => ProtocolRelationEnum) relation!: ProtocolRelationEnum;
}

@ObjectType('MeetingMinutes', { description: 'A meeting’s agenda of cases and its minutes (COO-3, COO-5)' })
export class MeetingMinutesType {
  @Field(() => ID) meetingId!: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set once closed: the minutes are then read-only' })
  closedAt!: Date | null;
  @Field(() => [MeetingCaseType]) cases!: MeetingCaseType[];
  @Field(() => [MeetingDecisionType]) decisions!: MeetingDecisionType[];
  @Field(() => [MeetingActionItemType]) actionItems!: MeetingActionItemType[];
  @Field(() => [MeetingProtocolType]) protocols!: MeetingProtocolType[];
}

@ObjectType('MeetingMinutesFile', { description: 'The minutes as a PDF file, base64-encoded' })
export class MeetingMinutesFileType {
  @Field() fileName!: string;
  @Field() contentType!: string;
  @Field() base64!: string;
}

@ObjectType('PluriprofessionalRule')
export class PluriprofessionalRuleType {
  @Field(() => ID) structureId!: string;
  @Field(() => Int) minProfessions!: number;
  @Field() physicianRequired!: boolean;
  @Field(() => ID, { nullable: true, description: 'Null while the structure keeps the default rule' })
  updatedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt!: Date | null;
}
