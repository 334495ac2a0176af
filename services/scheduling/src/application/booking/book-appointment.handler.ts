import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import type { Appointment } from '../ports/appointment.repository';
import { actorId, channelOf, type Actor } from '../actor';
import { assertUuid } from '../input-checks';
import { assertActorMayBook } from '../permissions';
import { bookedEvent } from './appointment-events';
import { BookingContextLoader, type SlotRequest } from './booking-context.loader';
import { newAppointment } from './new-appointment';
import { SlotReservation } from './slot-reservation';
import { StructurePatientCheck } from './structure-patient.check';

export interface BookAppointmentInput extends SlotRequest {
  patientId: string;
}

/** Books a patient into a practitioner's agenda at once (staff at the desk or on the phone). */
@Injectable()
export class BookAppointmentHandler {
  constructor(
    private readonly loader: BookingContextLoader,
    private readonly transactions: TransactionRunner,
    private readonly reservation: SlotReservation,
    private readonly outbox: OutboxWriter,
    private readonly patients: StructurePatientCheck,
  ) {}

  async execute(actor: Actor, input: BookAppointmentInput): Promise<Appointment> {
    const channel = channelOf(actor);
    const authorize = (structureId: string) =>
      assertActorMayBook(actor, structureId, input.siteId, input.practitionerId);
    const patientId = assertUuid(input.patientId, 'input.patientId');
    // The ids, site and motif first (nothing reaches the directory before the caller is authorized), then the patient,
    // then the time, checked once, under the lock: the directory is asked outside the transaction so no agenda lock
    // waits on it.
    const located = await this.loader.locate(input, authorize);
    await this.patients.assertPatientOf(located.structureId, patientId);
    return this.transactions.run(async () => {
      const slot = await this.loader.checkLockedAt(located, channel);
      const appointment = newAppointment(slot, {
        patientId,
        status: 'booked',
        holdExpiresAt: null,
        bookedBy: channel,
        bookedByActor: actorId(actor),
      });
      await this.reservation.reserve(appointment, slot.now, slot.roomAlternatives);
      await this.outbox.record('scheduling.appointment.booked.v1', bookedEvent(appointment, patientId));
      return appointment;
    });
  }
}
