import type { AppointmentStatus } from './appointment-status';
import type { Interval } from './interval';
import { localDateOf } from './local-date';
import { SchedulingError, SchedulingErrorCode } from './scheduling-error';
import { atWallTime } from './zoned-time';

/** The steps of an appointment's day, each a status change allowed by `canTransition`. */
export const LIFECYCLE_STEPS = ['arrived', 'in_consultation', 'done', 'no_show'] as const;
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number];

/** Only an appointment that has not begun moves: a hold is cancelled and held again, an arrival is past moving. */
const RESCHEDULABLE: readonly AppointmentStatus[] = ['booked', 'confirmed'];

export function assertReschedulable(status: AppointmentStatus): void {
  if (!RESCHEDULABLE.includes(status)) {
    throw new SchedulingError(
      SchedulingErrorCode.InvalidTransition,
      `An appointment that is ${status} cannot be rescheduled (only booked or confirmed ones)`,
    );
  }
}

/**
 * When a step may be recorded, in the site's zone: arrival, consultation and completion from the appointment's own
 * local day on (a forgotten one may be recorded later), a no-show only once the appointment has started.
 */
export function assertStepTiming(step: LifecycleStep, appointment: Interval, now: Date, zone: string): void {
  if (step === 'no_show') {
    if (now.getTime() < appointment.start.getTime()) {
      throw new SchedulingError(
        SchedulingErrorCode.InvalidTransition,
        `An appointment cannot be marked no-show before it starts (${appointment.start.toISOString()})`,
      );
    }
    return;
  }
  const dayStarts = atWallTime(localDateOf(appointment.start, zone), { hour: 0, minute: 0 }, zone);
  if (now.getTime() < dayStarts.getTime()) {
    throw new SchedulingError(
      SchedulingErrorCode.InvalidTransition,
      `An appointment cannot become ${step} before its day (${localDateOf(appointment.start, zone)})`,
    );
  }
}
