import { Injectable } from '@nestjs/common';
import { assertBookable } from '../../domain/booking-rules';
import type { BookingChannel } from '../../domain/booking-channel';
import type { Interval } from '../../domain/interval';
import { localDateOf } from '../../domain/local-date';
import type { Motif } from '../../domain/motif';
import { SchedulingError } from '../../domain/scheduling-error';
import { AgendaRepository, type SiteRef } from '../ports/agenda.repository';
import { Clock } from '@msp/service-kit';
import { assertUuid, parseInstant } from '../input-checks';

export interface SlotRequest {
  practitionerId: string;
  siteId: string;
  motifId: string;
  startsAt: string;
}

export interface LocatedSlot {
  structureId: string;
  site: SiteRef;
  practitionerId: string;
  siteId: string;
  motif: Motif;
  startsAt: Date;
}

export interface CheckedSlot {
  structureId: string;
  siteId: string;
  practitionerId: string;
  motif: Motif;
  interval: Interval;
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
  ) {}

  /** Inside the transaction that takes the time: locks the practitioner's agenda, then checks. */
  async checkLocked(
    request: SlotRequest,
    channel: BookingChannel,
    authorize: (structureId: string) => void,
  ): Promise<CheckedSlot> {
    return this.decide(await this.locate(request, authorize), channel, true);
  }

  /** As `checkLocked`, for a request `locate` already answered outside the transaction (site and motif not read again). */
  checkLockedAt(located: LocatedSlot, channel: BookingChannel): Promise<CheckedSlot> {
    return this.decide(located, channel, true);
  }

  /**
   * The request's ids, its site (authorized as soon as its structure is known) and its motif, without the agenda: what
   * staff bookings check before asking the directory about the patient, leaving the time to `checkLocked` alone.
   */
  async locate(request: SlotRequest, authorize: (structureId: string) => void): Promise<LocatedSlot> {
    const practitionerId = assertUuid(request.practitionerId, 'input.practitionerId');
    const siteId = assertUuid(request.siteId, 'input.siteId');
    const motifId = assertUuid(request.motifId, 'input.motifId');
    const startsAt = parseInstant(request.startsAt, 'input.startsAt');
    const site = await this.agenda.site(siteId);
    if (!site) throw SchedulingError.notFound('Site', 'input.siteId');
    authorize(site.structureId);
    const motif = await this.agenda.motif(motifId);
    if (!motif || motif.structureId !== site.structureId) throw SchedulingError.notFound('Motif', 'input.motifId');
    return { structureId: site.structureId, site, practitionerId, siteId, motif, startsAt };
  }

  async check(
    request: SlotRequest,
    channel: BookingChannel,
    authorize: (structureId: string) => void,
  ): Promise<CheckedSlot> {
    return this.decide(await this.locate(request, authorize), channel, false);
  }

  private async decide(located: LocatedSlot, channel: BookingChannel, locked: boolean): Promise<CheckedSlot> {
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
    const interval = assertBookable({
      practitionerId,
      startsAt,
      motif,
      channel,
      ranges,
      timeZone: site.timeZone,
      exceptions,
      now,
    });
    return { structureId: site.structureId, siteId, practitionerId, motif, interval, now };
  }
}
