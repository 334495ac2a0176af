import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { PluriprofessionalRuleHandler } from '../../../application/attendance/pluriprofessional-rule.handler';
import { RecordAttendanceHandler } from '../../../application/attendance/record-attendance.handler';
import { MeetingCasesHandler } from '../../../application/cases/meeting-cases.handler';
import { CloseMinutesHandler } from '../../../application/minutes/close-minutes.handler';
import { MinutesExportQuery } from '../../../application/minutes/minutes-export.query';
import { MinutesHandler } from '../../../application/minutes/minutes.handler';
import { MinutesQuery } from '../../../application/minutes/minutes.query';
import type { Minutes } from '../../../application/ports/minutes.repository';
import {
  AddActionItemInput,
  AddMeetingCaseInput,
  CloseMinutesInput,
  RecordAttendanceInput,
  RecordDecisionInput,
  ReferenceProtocolInput,
  SetPluriprofessionalRuleInput,
  UpdateMeetingCaseInput,
} from '../inputs/minutes.inputs';
import { toMeetingType } from '../mappers/meeting.mapper';
import { toCaseType, toMinutesType } from '../mappers/minutes.mapper';
import { MeetingType } from '../types/meeting.types';
import {
  MeetingCaseType,
  MeetingMinutesFileType,
  MeetingMinutesType,
  PluriprofessionalRuleType,
} from '../types/minutes.types';

/** Written only while the minutes are open: what a write returns is never closed. */
const open = (minutes: Minutes) => toMinutesType(minutes, null);

/** COO-3 to COO-6: the agenda of cases, attendance, the minutes and their PDF. */
@Resolver()
export class MinutesResolver {
  constructor(
    private readonly cases: MeetingCasesHandler,
    private readonly attendance: RecordAttendanceHandler,
    private readonly rules: PluriprofessionalRuleHandler,
    private readonly writer: MinutesHandler,
    private readonly closing: CloseMinutesHandler,
    private readonly query: MinutesQuery,
    private readonly exporter: MinutesExportQuery,
  ) {}

  @Query(() => MeetingMinutesType, { description: 'A meeting’s agenda of cases and minutes' })
  async meetingMinutes(@CurrentUser() user: UserContext, @Args('meetingId', { type: () => ID }) meetingId: string) {
    const { meeting, minutes } = await this.query.of(user, meetingId);
    return toMinutesType(minutes, meeting.minutesClosedAt);
  }

  @Query(() => MeetingMinutesFileType, {
    description:
      'The minutes as a PDF (base64). Patients by an opaque reference; with withPatientIdentity, their identity if ' +
      'the directory finds the reader entitled (it logs the read)',
  })
  meetingMinutesPdf(
    @CurrentUser() user: UserContext,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('withPatientIdentity', { type: () => Boolean, nullable: true }) withPatientIdentity?: boolean | null,
  ) {
    return this.exporter.pdf(user, meetingId, withPatientIdentity === true);
  }

  @Query(() => PluriprofessionalRuleType, { description: 'When the structure’s meetings count as pluriprofessional' })
  pluriprofessionalRule(@CurrentUser() user: UserContext, @Args('structureId', { type: () => ID }) id: string) {
    return this.rules.of(user, id);
  }

  @Mutation(() => PluriprofessionalRuleType, { description: 'Coordinators and administrators' })
  setPluriprofessionalRule(@CurrentUser() user: UserContext, @Args('input') input: SetPluriprofessionalRuleInput) {
    return this.rules.set(user, input);
  }

  @Mutation(() => MeetingCaseType, { description: 'Puts a patient’s case on the agenda, until the minutes close' })
  async addMeetingCase(@CurrentUser() user: UserContext, @Args('input') input: AddMeetingCaseInput) {
    return toCaseType(await this.cases.add(user, input));
  }

  @Mutation(() => MeetingCaseType)
  async updateMeetingCase(@CurrentUser() user: UserContext, @Args('input') input: UpdateMeetingCaseInput) {
    return toCaseType(await this.cases.update(user, input));
  }

  @Mutation(() => ID, { description: 'Removes a case with the decisions and action items written on it' })
  removeMeetingCase(@CurrentUser() user: UserContext, @Args('caseId', { type: () => ID }) caseId: string) {
    return this.cases.remove(user, caseId);
  }

  @Mutation(() => MeetingType, {
    description: 'Records the whole attendance once the meeting has started; the first recording makes it held',
  })
  async recordAttendance(@CurrentUser() user: UserContext, @Args('input') input: RecordAttendanceInput) {
    return toMeetingType(await this.attendance.execute(user, input));
  }

  @Mutation(() => MeetingMinutesType, { description: 'A decision on a case or on the whole meeting' })
  async recordDecision(@CurrentUser() user: UserContext, @Args('input') input: RecordDecisionInput) {
    return open(await this.writer.recordDecision(user, input));
  }

  @Mutation(() => MeetingMinutesType)
  async removeDecision(@CurrentUser() user: UserContext, @Args('decisionId', { type: () => ID }) id: string) {
    return open(await this.writer.remove(user, 'decision', id));
  }

  @Mutation(() => MeetingMinutesType, { description: 'Delegation makes a task of it when the minutes close' })
  async addActionItem(@CurrentUser() user: UserContext, @Args('input') input: AddActionItemInput) {
    return open(await this.writer.addActionItem(user, input));
  }

  @Mutation(() => MeetingMinutesType)
  async removeActionItem(@CurrentUser() user: UserContext, @Args('actionItemId', { type: () => ID }) id: string) {
    return open(await this.writer.remove(user, 'action_item', id));
  }

  @Mutation(() => MeetingMinutesType, { description: 'A delegation protocol the meeting elaborated or adopted' })
  async referenceProtocol(@CurrentUser() user: UserContext, @Args('input') input: ReferenceProtocolInput) {
    return open(await this.writer.referenceProtocol(user, input));
  }

  @Mutation(() => MeetingMinutesType)
  async unreferenceProtocol(
    @CurrentUser() user: UserContext,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('protocolId', { type: () => ID }) protocolId: string,
  ) {
    return open(await this.writer.unreferenceProtocol(user, meetingId, protocolId));
  }

  @Mutation(() => MeetingType, {
    description: 'Closes the minutes of a held meeting, once: cases reviewed, decisions and action items are told',
  })
  async closeMinutes(@CurrentUser() user: UserContext, @Args('input') input: CloseMinutesInput) {
    return toMeetingType(await this.closing.execute(user, input.meetingId));
  }
}
