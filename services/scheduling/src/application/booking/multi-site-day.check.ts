import { Injectable } from '@nestjs/common';
import type { Interval } from '../../domain/interval';
import { overlapsAny } from '../../domain/interval';
import type { Motif } from '../../domain/motif';
import { describeRequirement, roomSuits } from '../../domain/room';
import { SchedulingError } from '../../domain/scheduling-error';
import { describeTravelConflict, MAX_TRAVEL_MINUTES, travelConflict, travelMinutesOf } from '../../domain/site-travel';
import { RoomRepository } from '../ports/room.repository';
import { SiteTravelRepository } from '../ports/site-travel.repository';

export interface RoomChoice {
  siteId: string;
  motif: Motif;
  interval: Interval;
  /** The room staff picked, if any. */
  requestedRoomId: string | null;
  now: Date;
  ignoreAppointmentId?: string | null;
}

/**
 * What a booking checks of a practitioner's multi-site day (SCH-11, ADR 0018), under the practitioner's agenda lock:
 * the travel kept free between their sites, and the room booked with the appointment (whose last word is the
 * database's `appointment_room_no_overlap`).
 */
@Injectable()
export class MultiSiteDayCheck {
  constructor(
    private readonly travel: SiteTravelRepository,
    private readonly rooms: RoomRepository,
  ) {}

  /**
   * Refuses a time that leaves less than the travel between two sites after the practitioner's last appointment at
   * the other site, or before their next one there. Decided under the agenda lock every booking, hold and move of the
   * practitioner takes, so two bookings at two sites cannot both pass.
   */
  async assertTravelKept(
    practitionerId: string,
    siteId: string,
    interval: Interval,
    timeZone: string,
    now: Date,
    ignoreAppointmentId?: string | null,
  ): Promise<void> {
    const pairs = await this.travel.involving([siteId]);
    if (!pairs.length) return;
    const margin = MAX_TRAVEL_MINUTES * 60_000;
    const busy = await this.travel.sitedBusy(
      practitionerId,
      new Date(interval.start.getTime() - margin),
      new Date(interval.end.getTime() + margin),
      now,
      ignoreAppointmentId,
    );
    const conflict = travelConflict(interval, siteId, busy, travelMinutesOf(pairs));
    if (!conflict) return;
    throw SchedulingError.travelTimeNotKept(describeTravelConflict(conflict, interval, timeZone));
  }

  /**
   * The room booked with the appointment: the one staff picked (of this site, not archived, suiting the motif), else,
   * when the motif needs a room, the first suitable room free then (by label) and the others free then (tried in turn
   * if it is taken meanwhile: `SlotReservation`), else none.
   */
  async chooseRoom(choice: RoomChoice): Promise<{ roomId: string | null; alternatives: string[] | null }> {
    const requirement = await this.rooms.requirement(choice.motif.id);
    if (choice.requestedRoomId) {
      const room = await this.rooms.byId(choice.requestedRoomId);
      if (!room || room.siteId !== choice.siteId) throw SchedulingError.notFound('Room', 'input.roomId');
      if (room.archivedAt) throw SchedulingError.invalid('input.roomId', 'this room is archived');
      if (!roomSuits(room, requirement) && requirement)
        throw SchedulingError.invalid('input.roomId', `this motif needs ${describeRequirement(requirement)}`);
      return { roomId: room.id, alternatives: null };
    }
    if (!requirement) return { roomId: null, alternatives: null };
    const suitable = (await this.rooms.ofSites([choice.siteId], false)).filter((room) => roomSuits(room, requirement));
    if (!suitable.length)
      throw SchedulingError.invalid(
        'input.motifId',
        `this motif needs ${describeRequirement(requirement)} and this site has none`,
      );
    const busy = await this.rooms.busy(
      suitable.map((room) => room.id),
      choice.interval.start,
      choice.interval.end,
      choice.now,
      choice.ignoreAppointmentId,
    );
    const [free, ...alternatives] = suitable.filter(
      (room) =>
        !overlapsAny(
          choice.interval,
          busy.filter((b) => b.roomId === room.id),
        ),
    );
    if (!free)
      throw SchedulingError.roomTaken(
        `No room this motif needs (${describeRequirement(requirement)}) is free at that time`,
        'input.startsAt',
      );
    return { roomId: free.id, alternatives: alternatives.map((room) => room.id) };
  }
}
