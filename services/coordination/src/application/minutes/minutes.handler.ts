import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { CoordinationError } from '../../domain/coordination-error';
import { checkWording } from '../../domain/meeting-case';
import {
  assertMinutesWritable,
  checkTaskType,
  MAX_ACTION_ITEMS_PER_MEETING,
  MAX_DECISION_LENGTH,
  MAX_DECISIONS_PER_MEETING,
} from '../../domain/minutes';
import { assertText, assertUuid, parseInstant } from '../input-checks';
import type { Meeting } from '../ports/meeting.repository';
import {
  MinutesRepository,
  type MinutesEntryKind,
  type Minutes,
  type ProtocolRelation,
} from '../ports/minutes.repository';
import { TeamRepository } from '../ports/team.repository';
import { OrganisedMeetings } from './organised-meetings';

export interface RecordDecisionInput {
  meetingId: string;
  /** Null: a decision of the meeting as a whole. */
  caseId?: string | null;
  text: string;
  protocolId?: string | null;
}

export interface AddActionItemInput {
  meetingId: string;
  caseId?: string | null;
  description: string;
  assigneeId?: string | null;
  dueAt?: string | null;
  taskType?: string | null;
  protocolId?: string | null;
}

export interface ReferenceProtocolInput {
  meetingId: string;
  protocolId: string;
  relation: string;
}

const RELATIONS: readonly ProtocolRelation[] = ['elaborated', 'adopted'];

/**
 * COO-5: the minutes of a held meeting — decisions and action items per case or for the whole meeting, delegation's
 * protocols elaborated or adopted by reference. Written until the minutes close; each write returns the minutes.
 */
@Injectable()
export class MinutesHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly organised: OrganisedMeetings,
    private readonly minutes: MinutesRepository,
    private readonly team: TeamRepository,
    private readonly clock: Clock,
  ) {}

  async recordDecision(user: UserContext, input: RecordDecisionInput): Promise<Minutes> {
    const meetingId = assertUuid(input.meetingId, 'input.meetingId');
    const caseId = input.caseId ? assertUuid(input.caseId, 'input.caseId') : null;
    const text = checkWording(assertText(input.text, 'input.text'), 'input.text', MAX_DECISION_LENGTH);
    const protocolId = input.protocolId ? assertUuid(input.protocolId, 'input.protocolId') : null;
    return this.write(user, meetingId, async (meeting) => {
      await this.assertCase(meeting, caseId);
      if ((await this.minutes.counts(meetingId)).decisions >= MAX_DECISIONS_PER_MEETING)
        throw CoordinationError.invalid(
          'input.meetingId',
          `minutes hold at most ${MAX_DECISIONS_PER_MEETING} decisions`,
        );
      await this.minutes.addDecision({
        id: randomUUID(),
        meetingId,
        caseId,
        text,
        protocolId,
        createdAt: this.clock.now(),
      });
    });
  }

  async addActionItem(user: UserContext, input: AddActionItemInput): Promise<Minutes> {
    const meetingId = assertUuid(input.meetingId, 'input.meetingId');
    const caseId = input.caseId ? assertUuid(input.caseId, 'input.caseId') : null;
    const description = checkWording(assertText(input.description, 'input.description'), 'input.description');
    const assigneeId = input.assigneeId ? assertUuid(input.assigneeId, 'input.assigneeId') : null;
    const dueAt = input.dueAt ? parseInstant(input.dueAt, 'input.dueAt') : null;
    const taskType = input.taskType ? checkTaskType(input.taskType, 'input.taskType') : null;
    const protocolId = input.protocolId ? assertUuid(input.protocolId, 'input.protocolId') : null;
    return this.write(user, meetingId, async (meeting) => {
      await this.assertCase(meeting, caseId);
      if (assigneeId && !(await this.team.members(meeting.structureId, [assigneeId])).length)
        throw CoordinationError.invalid('input.assigneeId', 'is not a current member of the meeting’s structure');
      if (dueAt && dueAt.getTime() < meeting.startsAt.getTime())
        throw CoordinationError.invalid('input.dueAt', 'must not be before the meeting');
      if ((await this.minutes.counts(meetingId)).actionItems >= MAX_ACTION_ITEMS_PER_MEETING)
        throw CoordinationError.invalid(
          'input.meetingId',
          `minutes hold at most ${MAX_ACTION_ITEMS_PER_MEETING} action items`,
        );
      await this.minutes.addActionItem({
        id: randomUUID(),
        meetingId,
        caseId,
        description,
        assigneeId,
        dueAt,
        taskType,
        protocolId,
        createdAt: this.clock.now(),
      });
    });
  }

  async referenceProtocol(user: UserContext, input: ReferenceProtocolInput): Promise<Minutes> {
    const meetingId = assertUuid(input.meetingId, 'input.meetingId');
    const protocolId = assertUuid(input.protocolId, 'input.protocolId');
    if (!RELATIONS.includes(input.relation as ProtocolRelation))
      throw CoordinationError.invalid('input.relation', `must be one of ${RELATIONS.join(', ')}`);
    const relation = input.relation as ProtocolRelation;
    return this.write(user, meetingId, () => this.minutes.referenceProtocol(meetingId, { protocolId, relation }));
  }

  async unreferenceProtocol(user: UserContext, meetingId: string, protocolId: string): Promise<Minutes> {
    const id = assertUuid(meetingId, 'meetingId');
    const protocol = assertUuid(protocolId, 'protocolId');
    return this.write(
      user,
      id,
      async () => {
        if (!(await this.minutes.unreferenceProtocol(id, protocol)))
          throw CoordinationError.notFound('Protocol reference', 'protocolId');
      },
      'meetingId',
    );
  }

  /** Removes a decision or an action item; the case it was written on stays. */
  async remove(user: UserContext, kind: Exclude<MinutesEntryKind, 'case'>, entryId: string): Promise<Minutes> {
    const field = kind === 'decision' ? 'decisionId' : 'actionItemId';
    const id = assertUuid(entryId, field);
    const meetingId = await this.minutes.meetingOf(kind, id);
    if (!meetingId) throw CoordinationError.notFound(kind === 'decision' ? 'Decision' : 'Action item', field);
    return this.write(user, meetingId, () => this.minutes.remove(kind, id), field);
  }

  private write(
    user: UserContext,
    meetingId: string,
    work: (meeting: Meeting) => Promise<void>,
    field = 'input.meetingId',
  ): Promise<Minutes> {
    return this.transactions.run(async () => {
      const meeting = await this.organised.lock(user, meetingId, field);
      assertMinutesWritable(meeting);
      await work(meeting);
      return this.minutes.minutes(meetingId);
    });
  }

  private async assertCase(meeting: Meeting, caseId: string | null): Promise<void> {
    if (caseId && (await this.minutes.caseById(caseId))?.meetingId !== meeting.id)
      throw CoordinationError.notFound('Case of this meeting', 'input.caseId');
  }
}
