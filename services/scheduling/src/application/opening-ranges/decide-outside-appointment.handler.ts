import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import type { CancellationParty, CancelReason } from '../../domain/appointment-status';
import { SchedulingError } from '../../domain/scheduling-error';
import { memberActor } from '../actor';
import { CancelAppointmentHandler } from '../booking/cancel-appointment.handler';
import {
  OpeningRangeChangesRepository,
  type AppointmentOutsideRanges,
  type OutsideDecision,
} from '../ports/opening-range-changes.repository';
import { RescheduleAppointmentHandler } from '../rescheduling/reschedule-appointment.handler';
import { assertUuid } from '../input-checks';
import { assertMayManage, PERMISSIONS } from '../permissions';

export const OUTSIDE_CHOICES = ['keep', 'move', 'cancel'] as const;
export type OutsideChoice = (typeof OUTSIDE_CHOICES)[number];

export interface DecideOutsideAppointmentInput {
  appointmentId: string;
  decision: OutsideChoice;
  /** To move it: the new start, and another practitioner or site of the structure if need be. */
  startsAt?: string | null;
  practitionerId?: string | null;
  siteId?: string | null;
  /** To cancel it: why, and who asked (by default staff, or the practitioner cancelling their own). */
  reason?: CancelReason | null;
  cancelledBy?: CancellationParty | null;
}

const RECORDED: Record<OutsideChoice, OutsideDecision> = { keep: 'kept', move: 'moved', cancel: 'cancelled' };

/**
 * Staff decide, one appointment at a time, about one a range change left outside the ranges: keep it where it is (an
 * exception that stays valid: it is neither listed again nor touched, unless it moves), move it (the rescheduling
 * path: its checks, its lock and its `appointment.rescheduled` event), or cancel it with a reason (the cancellation
 * path and its event). The decision and the move or cancellation commit together.
 */
@Injectable()
export class DecideOutsideAppointmentHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly changes: OpeningRangeChangesRepository,
    private readonly rescheduler: RescheduleAppointmentHandler,
    private readonly canceller: CancelAppointmentHandler,
    private readonly clock: Clock,
  ) {}

  execute(user: UserContext, input: DecideOutsideAppointmentInput): Promise<AppointmentOutsideRanges> {
    const appointmentId = assertUuid(input.appointmentId, 'input.appointmentId');
    if (!(OUTSIDE_CHOICES as readonly string[]).includes(input.decision))
      throw SchedulingError.invalid('input.decision', `must be one of ${OUTSIDE_CHOICES.join(', ')}`);
    if (input.decision === 'move' && !input.startsAt)
      throw SchedulingError.invalid('input.startsAt', 'is needed to move the appointment');
    if (input.decision === 'cancel' && !input.reason)
      throw SchedulingError.invalid('input.reason', 'is needed to cancel the appointment');
    return this.transactions.run(async () => {
      const listed = await this.changes.lockOutside(appointmentId);
      const unseen = SchedulingError.notFound('Appointment outside the opening ranges', 'input.appointmentId');
      if (!listed) throw unseen;
      assertStructureAccess(user, listed.structureId, undefined, unseen);
      if (listed.decision)
        throw SchedulingError.invalid('input.appointmentId', `was already decided about (${listed.decision})`);
      let place = listed;
      switch (input.decision) {
        case 'keep':
          assertMayManage(user, listed.structureId, PERMISSIONS.manageOpeningRanges, listed.practitionerId, unseen);
          break;
        case 'move': {
          const moved = await this.rescheduler.execute(memberActor(user), {
            appointmentId,
            startsAt: input.startsAt ?? '',
            practitionerId: input.practitionerId,
            siteId: input.siteId,
          });
          place = { ...listed, ...pick(moved) };
          break;
        }
        case 'cancel': {
          const cancelled = await this.canceller.execute(memberActor(user), {
            appointmentId,
            reason: input.reason as CancelReason,
            cancelledBy: input.cancelledBy,
          });
          place = { ...listed, status: cancelled.status };
          break;
        }
      }
      const now = this.clock.now();
      const decision = RECORDED[input.decision];
      await this.changes.decide(appointmentId, decision, user.memberId, now);
      return { ...place, decision, decidedAt: now };
    });
  }
}

const pick = (a: { practitionerId: string; siteId: string; startsAt: Date; endsAt: Date; status: string }) => ({
  practitionerId: a.practitionerId,
  siteId: a.siteId,
  startsAt: a.startsAt,
  endsAt: a.endsAt,
  status: a.status as AppointmentOutsideRanges['status'],
});
