import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { CoordinationError } from '../../domain/coordination-error';
import { checkMeetingTime, checkVenue, MEETING_KINDS, type MeetingKind } from '../../domain/meeting';
import { assertText, assertUuid, parseInstant } from '../input-checks';
import { MeetingNotifications } from '../notifications/meeting-notifications';
import { inputStructureFor, PERMISSIONS } from '../permissions';
import { MeetingRepository, type Meeting } from '../ports/meeting.repository';
import { TeamRepository } from '../ports/team.repository';
import { Invitees } from './invitees';
import { meetingScheduled } from './meeting-events';
import { PatientBookings } from './patient-bookings';

export interface ScheduleMeetingInput {
  structureId: string;
  kind: string;
  title: string;
  siteId?: string | null;
  videoLink?: string | null;
  startsAt: string;
  endsAt: string;
  inviteeIds: string[];
  /** Place it even where invitees have patients booked (their agendas then stay as they are). */
  placeOverBookedPatients?: boolean | null;
}

/** What a meeting is before it is written: checked input, ready for `MeetingRepository.insert`. */
export interface MeetingDraft {
  structureId: string;
  kind: MeetingKind;
  title: string;
  siteId: string | null;
  videoLink: string | null;
  startsAt: Date;
  endsAt: Date;
  inviteeIds: string[];
}

/** COO-1, COO-2: a meeting placed in time, its invitees' agendas blocked by scheduling, invitations sent. */
@Injectable()
export class ScheduleMeetingHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly meetings: MeetingRepository,
    private readonly team: TeamRepository,
    private readonly invitees: Invitees,
    private readonly bookings: PatientBookings,
    private readonly notifications: MeetingNotifications,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: ScheduleMeetingInput): Promise<Meeting> {
    const structureId = inputStructureFor(user, input.structureId, PERMISSIONS.organiseMeetings);
    const draft = await this.draft(structureId, input, user.memberId);
    if (draft.startsAt.getTime() < this.clock.now().getTime())
      throw CoordinationError.invalid('input.startsAt', 'must not be in the past');
    await this.bookings.assertFree(
      draft.inviteeIds,
      draft.startsAt,
      draft.endsAt,
      input.placeOverBookedPatients === true,
    );
    return this.transactions.run(async () => {
      const meeting = await this.place(draft, user.memberId, null);
      if (!meeting) throw new Error('a meeting without a series cannot collide');
      return meeting;
    });
  }

  /** Checks what a meeting's fields say, whoever writes it (a member now, a series later). */
  async draft(
    structureId: string,
    input: Omit<ScheduleMeetingInput, 'structureId'>,
    organizerId: string,
  ): Promise<MeetingDraft> {
    if (!(MEETING_KINDS as readonly string[]).includes(input.kind))
      throw CoordinationError.invalid('input.kind', `must be one of ${MEETING_KINDS.join(', ')}`);
    const title = assertText(input.title, 'input.title').trim();
    if (!title || title.length > 200) throw CoordinationError.invalid('input.title', 'must be 1 to 200 characters');
    const startsAt = parseInstant(input.startsAt, 'input.startsAt');
    const endsAt = parseInstant(input.endsAt, 'input.endsAt');
    checkMeetingTime(startsAt, endsAt);
    const siteId = input.siteId ? assertUuid(input.siteId, 'input.siteId') : null;
    const videoLink = input.videoLink ? assertText(input.videoLink, 'input.videoLink').trim() : null;
    checkVenue(siteId, videoLink);
    if (siteId && (await this.team.site(siteId))?.structureId !== structureId)
      throw CoordinationError.notFound('Site', 'input.siteId');
    const invited = await this.invitees.of(structureId, input.inviteeIds);
    const inviteeIds = [...new Set([organizerId, ...invited.map((m) => m.memberId)])];
    return { structureId, kind: input.kind as MeetingKind, title, siteId, videoLink, startsAt, endsAt, inviteeIds };
  }

  /**
   * Writes a checked meeting with its invitations, notifications and event, in the caller's transaction; null when
   * its series already holds an occurrence at that start.
   */
  async place(draft: MeetingDraft, organizerId: string, seriesId: string | null): Promise<Meeting | null> {
    const now = this.clock.now();
    const id = randomUUID();
    const inserted = await this.meetings.insert({ ...draft, id, seriesId, organizerId, createdAt: now });
    if (!inserted) return null;
    // The organizer comes, by definition.
    await this.meetings.answer(id, organizerId, 'yes', now);
    const meeting = await this.meetings.reread(id);
    await this.notifications.scheduled(meeting, now);
    await this.outbox.record('coordination.meeting.scheduled.v1', meetingScheduled(meeting, now));
    return meeting;
  }
}
