import { Injectable, Logger } from '@nestjs/common';
import type {
  InvitationAnsweredV1,
  MeetingCancelledV1,
  MeetingRescheduledV1,
  MeetingScheduledV1,
} from '@msp/contracts';
import { OutboxWriter } from '@msp/messaging';
import { Clock } from '@msp/service-kit';
import { meetingBlockDecisions, type MeetingPlan } from '../../domain/meeting-block';
import { SchedulingError } from '../../domain/scheduling-error';
import { SlotReservation } from '../booking/slot-reservation';
import { parseInstant } from '../input-checks';
import { AppointmentRepository } from '../ports/appointment.repository';
import { MeetingBlockRepository } from '../ports/meeting-block.repository';

/**
 * Coordination meetings block their attendees' agendas (issue 12, item 2), inside the caller's transaction (the inbox's:
 * applied once). Each event records its fact — the plan, the cancellation, an answer — if newer than the one kept, then
 * the meeting's blocks are brought in line with what is known: events late, early or twice end the same way. A block
 * over live appointments is not placed and the refusal is told (`scheduling.meeting-block.refused.v1`); nothing moves.
 */
@Injectable()
export class MeetingBlocks {
  private readonly logger = new Logger(MeetingBlocks.name);

  constructor(
    private readonly meetings: MeetingBlockRepository,
    private readonly appointments: AppointmentRepository,
    private readonly reservation: SlotReservation,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async scheduled(event: MeetingScheduledV1): Promise<void> {
    await this.plan(event, event.scheduledAt);
  }

  async rescheduled(event: MeetingRescheduledV1): Promise<void> {
    await this.plan(event, event.rescheduledAt);
  }

  async cancelled(event: MeetingCancelledV1): Promise<void> {
    await this.meetings.recordCancellation(
      event.meetingId,
      event.structureId,
      parseInstant(event.cancelledAt, 'cancelledAt'),
    );
    await this.align(event.meetingId);
  }

  async answered(event: InvitationAnsweredV1): Promise<void> {
    const fresh = await this.meetings.recordAnswer(event.meetingId, {
      memberId: event.memberId,
      answer: event.answer,
      answeredAt: parseInstant(event.answeredAt, 'answeredAt'),
    });
    // A new yes or maybe is a new attempt for a member refused before (their patients may have been moved since).
    if (fresh) await this.align(event.meetingId, event.answer === 'no' ? undefined : event.memberId);
  }

  private async plan(
    event: Pick<MeetingScheduledV1, 'meetingId' | 'structureId' | 'startsAt' | 'endsAt' | 'attendeeIds'>,
    plannedAt: string,
  ): Promise<void> {
    const start = parseInstant(event.startsAt, 'startsAt');
    const end = parseInstant(event.endsAt, 'endsAt');
    if (end.getTime() <= start.getTime()) throw SchedulingError.invalid('endsAt', 'must be after startsAt');
    await this.meetings.recordPlan({
      meetingId: event.meetingId,
      structureId: event.structureId,
      start,
      end,
      attendeeIds: event.attendeeIds,
      plannedAt: parseInstant(plannedAt, 'plannedAt'),
    });
    await this.align(event.meetingId);
  }

  private async align(meetingId: string, retryFor?: string): Promise<void> {
    const plan = await this.meetings.lockMeeting(meetingId);
    if (!plan) return; // only answers known yet: the plan, when it comes, places the blocks
    const [answers, blocks] = await Promise.all([this.meetings.answers(meetingId), this.meetings.blocks(meetingId)]);
    const decisions = meetingBlockDecisions(plan, answers, blocks, retryFor);
    const toPlace = decisions.filter((d) => d.action === 'place').map((d) => d.memberId);
    const known = new Set(await this.meetings.currentMembers(plan.structureId, toPlace));
    const now = this.clock.now();
    for (const { memberId, action } of decisions) {
      if (action === 'free') await this.meetings.free(meetingId, memberId, now);
      else if (!known.has(memberId)) {
        this.logger.log(
          `Meeting ${meetingId}: member ${memberId} is not a current member of structure ${plan.structureId} here; no block`,
        );
        if (blocks.some((b) => b.memberId === memberId && b.state === 'placed'))
          await this.meetings.free(meetingId, memberId, now);
      } else await this.place(plan, memberId, now);
    }
  }

  private async place(plan: MeetingPlan, memberId: string, now: Date): Promise<void> {
    const time = plan.time as NonNullable<MeetingPlan['time']>;
    // Expired holds still sit under the exclusion constraint until they lapse: they must not refuse the meeting.
    await this.reservation.recordLapsed(
      await this.appointments.lapseHoldsOverlapping(memberId, time.start, time.end, now),
      now,
    );
    const outcome = await this.meetings.place(
      { meetingId: plan.meetingId, structureId: plan.structureId, memberId, ...time },
      now,
    );
    if (outcome.placed) return;
    await this.outbox.record('scheduling.meeting-block.refused.v1', {
      meetingId: plan.meetingId,
      structureId: plan.structureId,
      memberId,
      overlappingAppointments: outcome.overlappingAppointments,
      refusedAt: now.toISOString(),
    });
  }
}
