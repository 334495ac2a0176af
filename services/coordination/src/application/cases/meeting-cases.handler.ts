import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { CoordinationError } from '../../domain/coordination-error';
import { checkTheme, checkWording, MAX_CASES_PER_MEETING } from '../../domain/meeting-case';
import { assertAgendaOpen } from '../../domain/minutes';
import { assertText, assertUuid } from '../input-checks';
import { OrganisedMeetings } from '../minutes/organised-meetings';
import type { Meeting } from '../ports/meeting.repository';
import { MinutesRepository, type MeetingCase } from '../ports/minutes.repository';
import { TeamRepository } from '../ports/team.repository';

export interface AddMeetingCaseInput {
  meetingId: string;
  patientId: string;
  reason: string;
  theme: string;
  presenterId: string;
}

export interface UpdateMeetingCaseInput {
  caseId: string;
  reason?: string | null;
  theme?: string | null;
  presenterId?: string | null;
}

/** COO-3: the agenda of cases, prepared before the meeting and amended until its minutes close. */
@Injectable()
export class MeetingCasesHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly organised: OrganisedMeetings,
    private readonly minutes: MinutesRepository,
    private readonly team: TeamRepository,
    private readonly clock: Clock,
  ) {}

  async add(user: UserContext, input: AddMeetingCaseInput): Promise<MeetingCase> {
    const meetingId = assertUuid(input.meetingId, 'input.meetingId');
    const patientId = assertUuid(input.patientId, 'input.patientId');
    const reason = checkWording(assertText(input.reason, 'input.reason'), 'input.reason');
    const theme = checkTheme(input.theme, 'input.theme');
    const presenterId = assertUuid(input.presenterId, 'input.presenterId');
    return this.transactions.run(async () => {
      const meeting = await this.organised.lock(user, meetingId);
      assertAgendaOpen(meeting);
      await this.assertPresenter(meeting, presenterId);
      if ((await this.minutes.counts(meetingId)).cases >= MAX_CASES_PER_MEETING)
        throw CoordinationError.invalid('input.meetingId', `a meeting reviews at most ${MAX_CASES_PER_MEETING} cases`);
      const id = randomUUID();
      const added = await this.minutes.addCase({
        id,
        meetingId,
        structureId: meeting.structureId,
        patientId,
        reason,
        theme,
        presenterId,
        createdAt: this.clock.now(),
      });
      if (!added) throw CoordinationError.invalid('input.patientId', 'this patient is already on the meeting’s agenda');
      return this.reread(id);
    });
  }

  async update(user: UserContext, input: UpdateMeetingCaseInput): Promise<MeetingCase> {
    const caseId = assertUuid(input.caseId, 'input.caseId');
    const reason =
      input.reason != null ? checkWording(assertText(input.reason, 'input.reason'), 'input.reason') : undefined;
    const theme = input.theme != null ? checkTheme(input.theme, 'input.theme') : undefined;
    const presenterId = input.presenterId != null ? assertUuid(input.presenterId, 'input.presenterId') : undefined;
    return this.transactions.run(async () => {
      const current = await this.caseOf(user, caseId);
      if (presenterId) await this.assertPresenter(current.meeting, presenterId);
      await this.minutes.updateCase(caseId, {
        reason: reason ?? current.meetingCase.reason,
        theme: theme ?? current.meetingCase.theme,
        presenterId: presenterId ?? current.meetingCase.presenterId,
      });
      return this.reread(caseId);
    });
  }

  /** The case goes with the decisions and action items written on it. */
  async remove(user: UserContext, caseId: string): Promise<string> {
    const id = assertUuid(caseId, 'caseId');
    return this.transactions.run(async () => {
      await this.caseOf(user, id, 'caseId');
      await this.minutes.remove('case', id);
      return id;
    });
  }

  private async caseOf(
    user: UserContext,
    caseId: string,
    field = 'input.caseId',
  ): Promise<{ meeting: Meeting; meetingCase: MeetingCase }> {
    const meetingId = await this.minutes.meetingOf('case', caseId);
    if (!meetingId) throw CoordinationError.notFound('Case', field);
    const meeting = await this.organised.lock(user, meetingId, field);
    assertAgendaOpen(meeting);
    const meetingCase = await this.minutes.caseById(caseId);
    if (!meetingCase) throw CoordinationError.notFound('Case', field);
    return { meeting, meetingCase };
  }

  /** The professional presenting the case is a current member of the meeting's structure. */
  private async assertPresenter(meeting: Meeting, presenterId: string): Promise<void> {
    const [presenter] = await this.team.members(meeting.structureId, [presenterId]);
    if (!presenter)
      throw CoordinationError.invalid('input.presenterId', 'is not a current member of the meeting’s structure');
  }

  private async reread(caseId: string): Promise<MeetingCase> {
    const meetingCase = await this.minutes.caseById(caseId);
    if (!meetingCase) throw new Error(`Case ${caseId} vanished inside its own transaction`);
    return meetingCase;
  }
}
