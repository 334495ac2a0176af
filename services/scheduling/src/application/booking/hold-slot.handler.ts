import { Inject, Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import type { Appointment } from '../ports/appointment.repository';
import { actorId, channelOf, type Actor } from '../actor';
import { assertUuid } from '../input-checks';
import { assertActorMayBook } from '../permissions';
import { SCHEDULING_SETTINGS, type SchedulingSettings } from '../scheduling-settings';
import { heldEvent } from './appointment-events';
import { BookingContextLoader, type SlotRequest } from './booking-context.loader';
import { newAppointment } from './new-appointment';
import { SlotReservation } from './slot-reservation';
import { StructurePatientCheck } from './structure-patient.check';

export interface HoldSlotInput extends SlotRequest {
  patientId?: string | null;
}

/** Holds a slot for a few minutes while a caller confirms; unconfirmed, it lapses and frees the time. */
@Injectable()
export class HoldSlotHandler {
  constructor(
    private readonly loader: BookingContextLoader,
    private readonly transactions: TransactionRunner,
    private readonly reservation: SlotReservation,
    private readonly outbox: OutboxWriter,
    private readonly patients: StructurePatientCheck,
    @Inject(SCHEDULING_SETTINGS) private readonly settings: SchedulingSettings,
  ) {}

  async execute(actor: Actor, input: HoldSlotInput): Promise<Appointment> {
    const channel = channelOf(actor);
    const authorize = (structureId: string) =>
      assertActorMayBook(actor, structureId, input.siteId, input.practitionerId);
    const patientId = input.patientId ? assertUuid(input.patientId, 'input.patientId') : null;
    // As for a booking: ids, site and motif, then the patient, outside the transaction; then the time under the lock.
    const located = await this.loader.locate(input, authorize);
    if (patientId) await this.patients.assertPatientOf(located.structureId, patientId);
    return this.transactions.run(async () => {
      const slot = await this.loader.checkLockedAt(located, channel);
      const hold = newAppointment(slot, {
        patientId,
        status: 'held',
        holdExpiresAt: new Date(slot.now.getTime() + this.settings.holdTtlSeconds * 1000),
        bookedBy: channel,
        bookedByActor: actorId(actor),
      });
      await this.reservation.reserve(hold, slot.now, slot.roomAlternatives);
      await this.outbox.record('scheduling.appointment.held.v1', heldEvent(hold));
      return hold;
    });
  }
}
