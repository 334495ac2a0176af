import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { CoordinationError, CoordinationErrorCode } from '../../domain/coordination-error';
import { checkMeetingTime } from '../../domain/meeting';
import { assertText, assertUuid, parseInstant } from '../input-checks';
import { MeetingNotifications } from '../notifications/meeting-notifications';
import { assertRole, PERMISSIONS } from '../permissions';
import { MeetingRepository, type Meeting } from '../ports/meeting.repository';
import { agendaHolders, meetingRescheduled } from './meeting-events';
import { PatientBookings } from './patient-bookings';

export interface RescheduleMeetingInput {
  meetingId: string;
  startsAt: string;
  endsAt: string;
  /** The version the organiser saw: someone else's change in between is refused, not overwritten. */
  expectedVersion?: number | null;
  placeOverBookedPatients?: boolean | null;
}

export interface CancelMeetingInput {
  meetingId: string;
  reason?: string | null;
}

/** Moving or cancelling a scheduled meeting (COO-2): scheduling frees the former time, invitees are told. */
@Injectable()
export class ChangeMeetingHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly meetings: MeetingRepository,
    private readonly bookings: PatientBookings,
    private readonly notifications: MeetingNotifications,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async reschedule(user: UserContext, input: RescheduleMeetingInput): Promise<Meeting> {
    const meetingId = assertUuid(input.meetingId, 'input.meetingId');
    const startsAt = parseInstant(input.startsAt, 'input.startsAt');
    const endsAt = parseInstant(input.endsAt, 'input.endsAt');
    checkMeetingTime(startsAt, endsAt);
    if (startsAt.getTime() < this.clock.now().getTime())
      throw CoordinationError.invalid('input.startsAt', 'must not be in the past');
    const current = await this.organised(user, meetingId);
    await this.bookings.assertFree(
      agendaHolders(current),
      startsAt,
      endsAt,
      input.placeOverBookedPatients === true,
      meetingId,
    );
    return this.transactions.run(async () => {
      const meeting = await this.lockScheduled(user, meetingId, input.expectedVersion ?? null);
      const now = this.clock.now();
      await this.meetings.move(meetingId, startsAt, endsAt, now);
      await this.meetings.resetAgendaRefusals(meetingId);
      const moved = await this.meetings.reread(meetingId);
      await this.notifications.rescheduled(moved, now);
      await this.outbox.record('coordination.meeting.rescheduled.v1', meetingRescheduled(moved, meeting, now));
      return moved;
    });
  }

  async cancel(user: UserContext, input: CancelMeetingInput): Promise<Meeting> {
    const meetingId = assertUuid(input.meetingId, 'input.meetingId');
    const reason = input.reason ? assertText(input.reason, 'input.reason').trim() || null : null;
    if (reason && reason.length > 500) throw CoordinationError.invalid('input.reason', 'at most 500 characters');
    return this.transactions.run(async () => {
      const meeting = await this.lockScheduled(user, meetingId, null);
      const now = this.clock.now();
      await this.meetings.cancel(meeting.id, reason, now);
      const cancelled = await this.meetings.reread(meetingId);
      await this.notifications.cancelled(cancelled, now);
      await this.outbox.record('coordination.meeting.cancelled.v1', {
        meetingId,
        structureId: meeting.structureId,
        cancelledAt: now.toISOString(),
      });
      return cancelled;
    });
  }

  private async organised(user: UserContext, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetings.byId(meetingId);
    const unseen = CoordinationError.notFound('Meeting', 'input.meetingId');
    if (!meeting) throw unseen;
    assertRole(user, meeting.structureId, PERMISSIONS.organiseMeetings, unseen);
    return meeting;
  }

  private async lockScheduled(user: UserContext, meetingId: string, expectedVersion: number | null): Promise<Meeting> {
    const meeting = await this.meetings.lock(meetingId);
    const unseen = CoordinationError.notFound('Meeting', 'input.meetingId');
    if (!meeting) throw unseen;
    assertRole(user, meeting.structureId, PERMISSIONS.organiseMeetings, unseen);
    if (meeting.status !== 'scheduled')
      throw CoordinationError.meetingState(`the meeting is ${meeting.status}: only a scheduled meeting can change`);
    if (meeting.startsAt.getTime() <= this.clock.now().getTime())
      throw CoordinationError.meetingState('the meeting has started: record its attendance instead');
    if (expectedVersion !== null && expectedVersion !== meeting.version)
      throw new CoordinationError(
        CoordinationErrorCode.StaleMeeting,
        `input.expectedVersion: the meeting is at version ${meeting.version}, changed since you read it`,
        'input.expectedVersion',
      );
    return meeting;
  }
}
