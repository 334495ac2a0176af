import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@msp/errors';
import { CoordinationError, CoordinationErrorCode } from '../../domain/coordination-error';
import { MemberAgendas } from '../ports/member-agendas.port';

/**
 * "A meeting cannot be placed over a booked patient without saying so" (COO-2): before a meeting takes a time, the
 * invitees with patients booked over it are named, and the coordinator places it anyway only by saying so. When
 * scheduling does not answer, the meeting is placed and scheduling's own refusal tells later, per member.
 */
@Injectable()
export class PatientBookings {
  private readonly logger = new Logger(PatientBookings.name);

  constructor(private readonly agendas: MemberAgendas) {}

  async assertFree(
    memberIds: readonly string[],
    startsAt: Date,
    endsAt: Date,
    placeAnyway: boolean,
    ignoreMeetingId?: string,
  ): Promise<void> {
    if (placeAnyway) return;
    let busy: string[];
    try {
      const members = await this.agendas.freeBusy(memberIds, startsAt, endsAt, ignoreMeetingId);
      busy = members.filter((m) => m.patientBusy.length > 0).map((m) => m.memberId);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'unavailable') {
        this.logger.warn(`Free/busy unavailable, meeting placed unchecked: ${error.message}`);
        return;
      }
      throw error;
    }
    if (busy.length)
      throw new CoordinationError(
        CoordinationErrorCode.AttendeesBusy,
        `input.startsAt: patients are booked over this time for ${busy.length} invitee(s): ${busy.join(', ')}; ` +
          'choose another time or set placeOverBookedPatients',
        'input.startsAt',
      );
  }
}
