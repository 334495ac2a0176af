import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { SchedulingError, SchedulingErrorCode } from '../../domain/scheduling-error';
import { bookedEvent } from '../booking/appointment-events';
import { BookingContextLoader, type SlotRequest } from '../booking/booking-context.loader';
import { newAppointment } from '../booking/new-appointment';
import { SlotReservation } from '../booking/slot-reservation';
import { StructurePatientCheck } from '../booking/structure-patient.check';
import { assertUuid } from '../input-checks';
import { PERMISSIONS } from '../permissions';
import type { Appointment } from '../ports/appointment.repository';
import { PatientDirectory } from '../ports/patient-directory.port';
import { SnpRepository } from '../ports/snp.repository';

export interface BookPooledSnpSlotInput extends SlotRequest {
  cptsId: string;
  /** The caller's MSP, a member of the CPTS: the patient is its patient. */
  bookingStructureId: string;
  patientId: string;
}

/**
 * A CPTS's pooled unscheduled care (SCH-4): staff of one MSP of the CPTS book their own patient into a released SNP
 * slot of a practitioner of the pool, in another MSP's agenda. Who may: staff with a booking role in an MSP the
 * directory says is attached to the CPTS (asked each time: a departure from the CPTS applies at once), for a patient
 * of that MSP. What: a slot of the pool (`snpSlots`: a practitioner member of the CPTS), on the SNP grid and released
 * (`assertReleasedSnpSlot`), under the host agenda's lock like any booking; the database still decides the time.
 * The appointment is the host's (its agenda, its lifecycle) and keeps the booking MSP, whose patient only its staff
 * see (`maySeePatient`).
 */
@Injectable()
export class BookPooledSnpSlotHandler {
  constructor(
    private readonly loader: BookingContextLoader,
    private readonly transactions: TransactionRunner,
    private readonly reservation: SlotReservation,
    private readonly outbox: OutboxWriter,
    private readonly patients: StructurePatientCheck,
    private readonly directory: PatientDirectory,
    private readonly snp: SnpRepository,
  ) {}

  async execute(user: UserContext, input: BookPooledSnpSlotInput): Promise<Appointment> {
    const cptsId = assertUuid(input.cptsId, 'input.cptsId');
    const bookingStructureId = assertUuid(input.bookingStructureId, 'input.bookingStructureId');
    const patientId = assertUuid(input.patientId, 'input.patientId');
    assertStructureAccess(
      user,
      bookingStructureId,
      PERMISSIONS.book,
      SchedulingError.notFound('Structure', 'input.bookingStructureId'),
    );
    if (!(await this.directory.isMspOfCpts(bookingStructureId, cptsId)))
      throw new SchedulingError(
        SchedulingErrorCode.NotInCpts,
        'input.bookingStructureId: this structure is not an MSP of the CPTS; only its member MSPs book its pooled SNP slots',
        'input.bookingStructureId',
      );
    const located = await this.loader.locate(input, () => undefined);
    if (!(await this.snp.practitionersOf(cptsId)).includes(located.practitionerId))
      throw SchedulingError.notFound('Practitioner of the CPTS pool', 'input.practitionerId');
    await this.patients.assertPatientOf(bookingStructureId, patientId);
    return this.transactions.run(async () => {
      const slot = await this.loader.checkLockedPooled(located);
      const appointment: Appointment = {
        ...newAppointment(slot, {
          patientId,
          status: 'booked',
          holdExpiresAt: null,
          bookedBy: 'staff',
          bookedByActor: user.memberId,
        }),
        bookingStructureId,
      };
      await this.reservation.reserve(appointment, slot.now, slot.roomAlternatives);
      await this.outbox.record('scheduling.appointment.booked.v1', bookedEvent(appointment, patientId));
      return appointment;
    });
  }
}
