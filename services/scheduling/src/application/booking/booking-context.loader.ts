import { Injectable } from '@nestjs/common';
import { assertBookable, assertReleasedSnpSlot } from '../../domain/booking-rules';
import type { BookingChannel } from '../../domain/booking-channel';
import type { Interval } from '../../domain/interval';
import { localDateOf } from '../../domain/local-date';
import { assertOfferable, type Motif } from '../../domain/motif';
import { SchedulingError } from '../../domain/scheduling-error';
import { AgendaRepository, type SiteRef } from '../ports/agenda.repository';
import { Clock } from '@msp/service-kit';
import { assertUuid, parseInstant } from '../input-checks';
import { MultiSiteDayCheck } from './multi-site-day.check';

export interface SlotRequest {
  practitionerId: string;
  siteId: string;
  motifId: string;
  startsAt: string;
  /** A room of the site staff pick (SCH-11); without one, a motif that needs a room gets the first suitable free one. */
  roomId?: string | null;
}

/**
 * How a move differs from a booking: the appointment being moved does not stand in its own way, and its motif may have
 * been archived since (the appointment still moves).
 */
export interface SlotOptions {
  ignoreAppointmentId?: string | null;
}

export interface LocatedSlot {
  structureId: string;
  site: SiteRef;
  practitionerId: string;
  siteId: string;
  motif: Motif;
  startsAt: Date;
  roomId: string | null;
}

export interface CheckedSlot {
  structureId: string;
  siteId: string;
  practitionerId: string;
  motif: Motif;
  interval: Interval;
  /** The room booked with it, if any. */
  roomId: string | null;
  /** When the motif chose the room (not staff): the other suitable rooms free then, tried if it is taken meanwhile. */
  roomAlternatives: string[] | null;
  now: Date;
}

/**
 * Everything a booking or a hold checks before taking the time: the ids, the site (and its zone), the motif of the
 * same structure, the practitioner's ranges and absences, the booking rules. `authorize` runs as soon as the structure
 * is known, before anything about the agenda is revealed. `checkLocked` is the one that decides: inside the booking's
 * transaction, under the practitioner's agenda lock, so an absence or range change committed meanwhile is seen and one
 * declared meanwhile waits; `check` is a preliminary answer (online booking asks it before calling the directory).
 */
@Injectable()
export class BookingContextLoader {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly clock: Clock,
    private readonly multiSite: MultiSiteDayCheck,
  ) {}

  /** Inside the transaction that takes the time: locks the practitioner's agenda, then checks. */
  async checkLocked(
    request: SlotRequest,
    channel: BookingChannel,
    authorize: (structureId: string) => void,
    options: SlotOptions = {},
  ): Promise<CheckedSlot> {
    return this.decide(await this.locate(request, authorize, options), channel, true, options);
  }

  /** As `checkLocked`, for a request `locate` already answered outside the transaction (site and motif not read again). */
  checkLockedAt(located: LocatedSlot, channel: BookingChannel): Promise<CheckedSlot> {
    return this.decide(located, channel, true);
  }

  /** As `checkLockedAt` for staff, and the slot must be a released SNP slot (a CPTS's pooled booking, SCH-4). */
  checkLockedPooled(located: LocatedSlot): Promise<CheckedSlot> {
    return this.decide(located, 'staff', true, {}, true);
  }

  /**
   * The request's ids, its site (authorized as soon as its structure is known) and its motif, without the agenda: what
   * staff bookings check before asking the directory about the patient, leaving the time to `checkLocked` alone.
   */
  async locate(
    request: SlotRequest,
    authorize: (structureId: string) => void,
    options: SlotOptions = {},
  ): Promise<LocatedSlot> {
    const practitionerId = assertUuid(request.practitionerId, 'input.practitionerId');
    const siteId = assertUuid(request.siteId, 'input.siteId');
    const motifId = assertUuid(request.motifId, 'input.motifId');
    const startsAt = parseInstant(request.startsAt, 'input.startsAt');
    const roomId = request.roomId ? assertUuid(request.roomId, 'input.roomId') : null;
    const site = await this.agenda.site(siteId);
    if (!site) throw SchedulingError.notFound('Site', 'input.siteId');
    authorize(site.structureId);
    const motif = await this.agenda.motif(motifId);
    if (!motif || motif.structureId !== site.structureId) throw SchedulingError.notFound('Motif', 'input.motifId');
    if (!options.ignoreAppointmentId) assertOfferable(motif, 'input.motifId');
    return { structureId: site.structureId, site, practitionerId, siteId, motif, startsAt, roomId };
  }

  async check(
    request: SlotRequest,
    channel: BookingChannel,
    authorize: (structureId: string) => void,
  ): Promise<CheckedSlot> {
    return this.decide(await this.locate(request, authorize), channel, false);
  }

  private async decide(
    located: LocatedSlot,
    channel: BookingChannel,
    locked: boolean,
    options: SlotOptions = {},
    pooledSnp = false,
  ): Promise<CheckedSlot> {
    const { site, practitionerId, siteId, motif, startsAt } = located;
    if (locked) await this.agenda.lockPractitionerAgenda(practitionerId);
    const date = localDateOf(startsAt, site.timeZone);
    const ranges = await this.agenda.ranges({
      structureId: site.structureId,
      practitionerIds: [practitionerId],
      siteIds: [siteId],
      from: date,
      to: date,
    });
    const around = {
      start: new Date(startsAt.getTime() - 86_400_000),
      end: new Date(startsAt.getTime() + 2 * 86_400_000),
    };
    const exceptions = await this.agenda.exceptions([practitionerId], around.start, around.end);
    const now = this.clock.now();
    const check = {
      practitionerId,
      startsAt,
      motif,
      channel,
      ranges,
      timeZone: site.timeZone,
      exceptions,
      now,
    };
    const interval = assertBookable(check);
    if (pooledSnp) assertReleasedSnpSlot(check);
    // SCH-11: travel between the practitioner's sites, then the room (ADR 0018).
    const ignoreAppointmentId = options.ignoreAppointmentId ?? null;
    await this.multiSite.assertTravelKept(practitionerId, siteId, interval, site.timeZone, now, ignoreAppointmentId);
    const { roomId, alternatives } = await this.multiSite.chooseRoom({
      siteId,
      motif,
      interval,
      requestedRoomId: located.roomId,
      now,
      ignoreAppointmentId,
    });
    return {
      structureId: site.structureId,
      siteId,
      practitionerId,
      motif,
      interval,
      roomId,
      roomAlternatives: alternatives,
      now,
    };
  }
}
