import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '@msp/service-kit';
import { DateTime } from 'luxon';
import { AgendaPort, type CallerAppointment, type OfferedSlot } from '../application/ports/agenda.port';
import { DirectoryCopyRepository } from '../application/ports/directory-copy.repository';
import { HttpAgenda } from '../infrastructure/clients/http-agenda';

const WEEK_MS = 7 * 86_400_000;
/** More than one practitioner's slots in a day at one site (a 20-minute motif over 12 hours is 36). */
const SLOTS_OF_A_DAY = 100;

/**
 * Scheduling's agenda as a call of the demo month meets it. Scheduling lives in the present: asked for the free slots
 * of a past fortnight it has none, and a booking, move or cancellation sent now would change today's agenda, which is
 * not the demo month's (scheduling's own demo month books and completes that month's appointments). So, for a call
 * replayed at a past instant:
 * - reads go to scheduling, shifted forward by the whole weeks between the call and today, and their answer is brought
 *   back by as many weeks (same weekday, same wall time in the site's zone), later than the call: the slots offered
 *   are the practice's real ones for that motif and practitioner — opening ranges, bookings — as they stand a few weeks
 *   on (the motif's minimum notice is not counted from the call's instant);
 * - writes (hold and confirm, move, cancel) are not sent: the call ends as a real one would once scheduling accepted.
 * Only the demo month's own call handlers use it; live calls go to `HttpAgenda`.
 */
@Injectable()
export class ReplayAgenda extends AgendaPort {
  private readonly zones = new Map<string, string>();

  constructor(
    private readonly scheduling: HttpAgenda,
    private readonly directoryCopy: DirectoryCopyRepository,
    private readonly clock: Clock,
  ) {
    super();
  }

  async nextSlots(input: Parameters<AgendaPort['nextSlots']>[0]): Promise<OfferedSlot[]> {
    const now = this.clock.now();
    const zone = await this.zoneOf(input.siteIds?.[0]);
    const weeks = weeksToToday(DateTime.fromISO(input.from, { zone }), zone);
    const shifted = (date: string) => DateTime.fromISO(date, { zone }).plus({ weeks }).toISODate() as string;
    // Scheduling leaves out the slots before its own now; the shifted fortnight lies after it, so the slots before
    // the call's instant on its first day are left out here, which needs more than `limit` of them asked for.
    const slots = await this.scheduling.nextSlots({
      ...input,
      from: shifted(input.from),
      to: shifted(input.to),
      limit: input.limit + SLOTS_OF_A_DAY,
    });
    const back = await Promise.all(slots.map(async (slot) => ({ ...slot, startsAt: await this.back(slot, weeks) })));
    return back
      .filter((slot) => {
        const day = DateTime.fromISO(slot.startsAt, { zone }).toISODate() as string;
        return day >= input.from && day <= input.to && new Date(slot.startsAt) > now;
      })
      .slice(0, input.limit);
  }

  async upcoming(structureId: string, patientId: string): Promise<CallerAppointment[]> {
    const now = this.clock.now();
    const weeks = Math.max(0, Math.ceil((realNow().getTime() - now.getTime()) / WEEK_MS));
    const appointments = await this.scheduling.upcoming(structureId, patientId);
    const back = await Promise.all(appointments.map(async (a) => ({ ...a, startsAt: await this.back(a, weeks) })));
    return back
      .filter((a) => new Date(a.startsAt) > now)
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  }

  book(): Promise<string> {
    return Promise.resolve(randomUUID());
  }

  move(): Promise<void> {
    return Promise.resolve();
  }

  cancel(): Promise<void> {
    return Promise.resolve();
  }

  phoneMotif(structureId: string): Promise<string | null> {
    return this.scheduling.phoneMotif(structureId);
  }

  /** The same weekday and wall time `weeks` earlier, in the site's zone (a change of offset in between is kept out). */
  private async back(item: { siteId: string; startsAt: string }, weeks: number): Promise<string> {
    const zone = await this.zoneOf(item.siteId);
    return DateTime.fromISO(item.startsAt, { zone }).minus({ weeks }).toUTC().toISO() as string;
  }

  private async zoneOf(siteId: string | undefined): Promise<string> {
    if (!siteId) return 'Europe/Paris';
    const known = this.zones.get(siteId);
    if (known) return known;
    const zone = (await this.directoryCopy.site(siteId))?.timeZone ?? 'Europe/Paris';
    this.zones.set(siteId, zone);
    return zone;
  }
}

/** The real time, not the replayed one: scheduling answers in the present. */
function realNow(): Date {
  return new Date();
}

/** Whole weeks from `day` to the first same weekday on or after today, in the zone. */
function weeksToToday(day: DateTime, zone: string): number {
  const today = DateTime.fromJSDate(realNow(), { zone }).startOf('day');
  const days = Math.ceil(today.diff(day.startOf('day'), 'days').days);
  return Math.max(0, Math.ceil(days / 7));
}
