import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { assertClosable } from '../../domain/minutes';
import { assertUuid } from '../input-checks';
import { MeetingRepository, type Meeting } from '../ports/meeting.repository';
import { MinutesRepository } from '../ports/minutes.repository';
import { OrganisedMeetings } from './organised-meetings';

/**
 * COO-5: closing the minutes of a held meeting, once. In the one transaction that closes them, one event per case
 * reviewed (the ACI's trace), per decision and per action item — delegation makes exactly one task of each action
 * item. The minutes are read-only from then on.
 */
@Injectable()
export class CloseMinutesHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly organised: OrganisedMeetings,
    private readonly meetings: MeetingRepository,
    private readonly minutes: MinutesRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, meetingId: string): Promise<Meeting> {
    const id = assertUuid(meetingId, 'input.meetingId');
    return this.transactions.run(async () => {
      const meeting = await this.organised.lock(user, id);
      assertClosable(meeting);
      const now = this.clock.now();
      const at = now.toISOString();
      const { cases, decisions, actionItems } = await this.minutes.minutes(id);
      await this.minutes.closeMinutes(id, user.memberId, now);
      const base = { meetingId: id, structureId: meeting.structureId };
      for (const c of cases)
        await this.outbox.record('coordination.case.reviewed.v1', {
          ...base,
          caseId: c.id,
          kind: meeting.kind,
          patientId: c.patientId,
          theme: c.theme,
          presenterId: c.presenterId,
          pluriprofessional: meeting.pluriprofessional === true,
          reviewedAt: at,
        });
      for (const d of decisions)
        await this.outbox.record('coordination.decision.recorded.v1', {
          ...base,
          decisionId: d.id,
          caseId: d.caseId,
          protocolId: d.protocolId,
          recordedAt: at,
        });
      const patientOf = new Map(cases.map((c) => [c.id, c.patientId]));
      for (const item of actionItems)
        await this.outbox.record('coordination.action-item.created.v1', {
          ...base,
          actionItemId: item.id,
          siteId: meeting.siteId,
          assigneeId: item.assigneeId,
          taskType: item.taskType,
          protocolId: item.protocolId,
          patientId: item.caseId ? (patientOf.get(item.caseId) ?? null) : null,
          dueAt: item.dueAt?.toISOString() ?? null,
          createdAt: at,
        });
      return this.meetings.reread(id);
    });
  }
}
