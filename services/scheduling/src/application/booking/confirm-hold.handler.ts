import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { HOLD_LAPSED } from '../../domain/appointment-status';
import { SchedulingError } from '../../domain/scheduling-error';
import { AppointmentRepository, type Appointment } from '../ports/appointment.repository';
import type { Actor } from '../actor';
import { Clock } from '@msp/service-kit';
import { assertUuid } from '../input-checks';
import { assertActorMayBook } from '../permissions';
import { bookedEvent } from './appointment-events';
import { StructurePatientCheck } from './structure-patient.check';

export interface ConfirmHoldInput {
  holdId: string;
  /** Required unless the hold already names the patient. */
  patientId?: string | null;
}

/** Turns a live hold into a confirmed appointment; a hold past its expiry is refused with HOLD_LAPSED. */
@Injectable()
export class ConfirmHoldHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly patients: StructurePatientCheck,
  ) {}

  execute(actor: Actor, input: ConfirmHoldInput): Promise<Appointment> {
    const holdId = assertUuid(input.holdId, 'input.holdId');
    const givenPatient = input.patientId ? assertUuid(input.patientId, 'input.patientId') : null;
    return this.transactions.run(async () => {
      const hold = await this.appointments.lockById(holdId);
      if (!hold) throw SchedulingError.notFound('Hold', 'input.holdId');
      assertActorMayBook(
        actor,
        hold.structureId,
        hold.siteId,
        hold.practitionerId,
        SchedulingError.notFound('Hold', 'input.holdId'),
      );
      const now = this.clock.now();
      const lapsed =
        hold.cancelReason === HOLD_LAPSED ||
        (hold.status === 'held' && (hold.holdExpiresAt?.getTime() ?? 0) <= now.getTime());
      if (lapsed) throw SchedulingError.holdLapsed();
      if (hold.status !== 'held') throw SchedulingError.invalidTransition(hold.status, 'confirmed');
      const patientId = givenPatient ?? hold.patientId;
      if (!patientId)
        throw SchedulingError.invalid('input.patientId', 'the hold names no patient: give one to confirm');
      // A patient the hold did not name is checked like a booking's: asked under this hold's row lock only (no agenda
      // lock), so a slow directory delays this confirmation and nothing else.
      if (patientId !== hold.patientId) await this.patients.assertPatientOf(hold.structureId, patientId);
      Object.assign(hold, { status: 'confirmed', patientId, holdExpiresAt: null });
      await this.appointments.save(hold);
      await this.outbox.record('scheduling.appointment.confirmed.v1', {
        appointmentId: hold.id,
        practitionerId: hold.practitionerId,
        patientId,
        confirmedAt: now.toISOString(),
      });
      await this.outbox.record('scheduling.appointment.booked.v1', bookedEvent(hold, patientId));
      return hold;
    });
  }
}
