import { Injectable } from '@nestjs/common';
import { requireActiveManager } from '@msp/persistence';
import type { Interval } from '../../domain/interval';
import { SchedulingError } from '../../domain/scheduling-error';

export interface AppointmentPlace extends Interval {
  practitionerId: string;
  siteId: string;
}

const NO_OVERLAP = 'appointment_no_overlap';

/** Moves an appointment in place (same id): the exclusion constraint checks the new time against everyone else's. */
@Injectable()
export class AppointmentMoveRepository {
  async moveTo(appointmentId: string, place: AppointmentPlace): Promise<void> {
    try {
      await requireActiveManager('Moving an appointment').query(
        `update appointment set practitioner_id = $2, site_id = $3, starts_at = $4, ends_at = $5 where id = $1`,
        [appointmentId, place.practitionerId, place.siteId, place.start, place.end],
      );
    } catch (error) {
      const pg = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (pg?.code === '23P01' && pg.constraint === NO_OVERLAP) throw SchedulingError.slotTaken();
      throw error;
    }
  }
}
