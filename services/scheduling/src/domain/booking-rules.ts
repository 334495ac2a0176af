import { DateTime } from 'luxon';
import type { BookingChannel } from './booking-channel';
import { overlapsAny, type Interval } from './interval';
import { motifAppliesTo, type Motif } from './motif';
import type { OpeningRange } from './opening-range';
import { occurrenceCovering } from './range-occurrences';
import { SchedulingError } from './scheduling-error';
import { isSnpIndex, snpReleaseInstant } from './snp-release';

export interface BookingCheck {
  practitionerId: string;
  startsAt: Date;
  motif: Motif;
  channel: BookingChannel;
  /** The practitioner's ranges at the site, and the site's zone. */
  ranges: readonly OpeningRange[];
  timeZone: string;
  /** The practitioner's exceptions (absences…) near the slot. */
  exceptions: readonly Interval[];
  now: Date;
}

/**
 * A slot of the CPTS pool another MSP may book (SCH-4): on the grid of the range covering it, one of its SNP slots,
 * and released. Checked after `assertBookable` (staff channel) on the same data.
 */
export function assertReleasedSnpSlot(check: BookingCheck, prefix = 'input'): void {
  const { motif, startsAt, now } = check;
  const interval = { start: startsAt, end: new Date(startsAt.getTime() + motif.durationMinutes * 60_000) };
  const occurrence = occurrenceCovering(check.ranges, check.timeZone, interval, motif.id);
  const step = (motif.durationMinutes + motif.bufferAfterMinutes) * 60_000;
  const offset = occurrence ? startsAt.getTime() - occurrence.start.getTime() : -1;
  if (
    !occurrence ||
    occurrence.range.snpShare <= 0 ||
    offset % step !== 0 ||
    !isSnpIndex(offset / step, occurrence.range.snpShare)
  )
    throw SchedulingError.invalid(`${prefix}.startsAt`, 'is not an SNP slot of the CPTS pool');
  const releasedAt = snpReleaseInstant(occurrence.range.snpRelease, occurrence.date, check.timeZone);
  if (now.getTime() < releasedAt.getTime())
    throw SchedulingError.invalid(
      `${prefix}.startsAt`,
      `this SNP slot is released to the CPTS at ${releasedAt.toISOString()}; other MSPs may book it from then on`,
    );
}

/**
 * Whether a booking may be attempted (that nobody else holds the time is the database's to say): a motif this channel
 * may book for this practitioner, in the future, inside an opening range allowing the motif, outside absences. Staff
 * may book any time in a range; the other channels only the grid slots they were offered, within notice and horizon,
 * SNP slots once released. Returns the appointment's interval.
 */
export function assertBookable(check: BookingCheck, prefix = 'input'): Interval {
  const { motif, startsAt, now } = check;
  if (Number.isNaN(startsAt.getTime())) throw SchedulingError.invalid(`${prefix}.startsAt`, 'is not a valid instant');
  if (!motif.bookableBy.includes(check.channel))
    throw SchedulingError.invalid(`${prefix}.motifId`, `this motif cannot be booked by ${check.channel}`);
  if (!motifAppliesTo(motif, check.practitionerId))
    throw SchedulingError.invalid(`${prefix}.motifId`, "this motif belongs to another practitioner's agenda");
  if (startsAt.getTime() < now.getTime()) throw SchedulingError.invalid(`${prefix}.startsAt`, 'is in the past');
  const interval = { start: startsAt, end: new Date(startsAt.getTime() + motif.durationMinutes * 60_000) };
  const occurrence = occurrenceCovering(check.ranges, check.timeZone, interval, motif.id);
  if (!occurrence)
    throw SchedulingError.invalid(
      `${prefix}.startsAt`,
      "is outside the practitioner's opening ranges for this motif at this site",
    );
  if (overlapsAny(interval, check.exceptions))
    throw SchedulingError.invalid(
      `${prefix}.startsAt`,
      'the practitioner is not available then (absence, holiday, training or blocked time)',
    );
  if (check.channel === 'staff') return interval;
  if (startsAt.getTime() < now.getTime() + motif.minNoticeMinutes * 60_000) {
    throw SchedulingError.invalid(`${prefix}.startsAt`, `must be at least ${motif.minNoticeMinutes} minutes from now`);
  }
  if (
    startsAt.getTime() >
    DateTime.fromJSDate(now, { zone: check.timeZone }).plus({ days: motif.maxHorizonDays }).toMillis()
  ) {
    throw SchedulingError.invalid(`${prefix}.startsAt`, `must be within ${motif.maxHorizonDays} days from now`);
  }
  const step = (motif.durationMinutes + motif.bufferAfterMinutes) * 60_000;
  const offset = startsAt.getTime() - occurrence.start.getTime();
  if (offset % step !== 0) throw SchedulingError.invalid(`${prefix}.startsAt`, 'is not one of the offered slots');
  const { snpShare, snpRelease } = occurrence.range;
  if (
    snpShare > 0 &&
    isSnpIndex(offset / step, snpShare) &&
    now.getTime() < snpReleaseInstant(snpRelease, occurrence.date, check.timeZone).getTime()
  ) {
    throw SchedulingError.invalid(`${prefix}.startsAt`, 'this slot is kept for unscheduled care and not yet released');
  }
  return interval;
}
