import type { Interval } from '../../domain/interval';
import type { Room, RoomRequirement } from '../../domain/room';

/** Time a room is taken by a live appointment or unexpired hold. */
export interface RoomInterval extends Interval {
  roomId: string;
}

/** Rooms of sites, what motifs need of them, and when they are taken. */
export abstract class RoomRepository {
  abstract byId(roomId: string): Promise<Room | null>;

  /** The rooms of these sites by label; archived ones only when asked. */
  abstract ofSites(siteIds: readonly string[], includeArchived: boolean): Promise<Room[]>;

  abstract insert(room: Room): Promise<void>;

  abstract archive(roomId: string, at: Date): Promise<void>;

  /** What the motif needs of a room; null when it needs none. */
  abstract requirement(motifId: string): Promise<RoomRequirement | null>;

  abstract requirementsOf(structureId: string): Promise<RoomRequirement[]>;

  /** Sets (or, with null, removes) what a motif needs of a room. */
  abstract setRequirement(motifId: string, requirement: RoomRequirement | null, at: Date): Promise<void>;

  /**
   * Live appointments and unexpired holds in these rooms overlapping [start, end), but `ignoreAppointmentId` (an
   * appointment being moved does not keep its own room from itself).
   */
  abstract busy(
    roomIds: readonly string[],
    start: Date,
    end: Date,
    now: Date,
    ignoreAppointmentId?: string | null,
  ): Promise<RoomInterval[]>;
}
