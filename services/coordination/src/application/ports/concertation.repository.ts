import type { ConcertationMeeting } from '../../domain/aci-concertation';

/** The meetings the ACI concertation check reads (COO-7). */
export abstract class ConcertationRepository {
  /** The structure's meetings starting in [from, to) that were not cancelled, with their cases' patients. */
  abstract meetingsBetween(structureId: string, from: Date, to: Date): Promise<ConcertationMeeting[]>;
}
