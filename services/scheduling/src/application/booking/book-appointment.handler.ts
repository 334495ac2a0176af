import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { AppointmentEntity } from '../../infrastructure/entities/appointment.entity';
import { actorId, channelOf, type Actor } from '../actor';
import { assertUuid } from '../input-checks';
import { assertActorMayBook } from '../permissions';
import { bookedEvent } from './appointment-events';
import { BookingContextLoader, type SlotRequest } from './booking-context.loader';
import { SlotReservation } from './slot-reservation';

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
  ) {}

  async execute(actor: Actor, input: BookAppointmentInput): Promise<AppointmentEntity> {
    const channel = channelOf(actor);
    const slot = await this.loader.check(input, channel, (structureId) =>
      assertActorMayBook(actor, structureId, input.siteId, input.practitionerId),
    );
    const patientId = assertUuid(input.patientId, 'input.patientId');
    const appointment = Object.assign(new AppointmentEntity(), {
      id: randomUUID(),
      structureId: slot.structureId,
      siteId: slot.siteId,
      practitionerId: slot.practitionerId,
      patientId,
      motifId: slot.motif.id,
      startsAt: slot.interval.start,
      endsAt: slot.interval.end,
      status: 'booked',
      holdExpiresAt: null,
      bookedBy: channel,
      bookedByActor: actorId(actor),
      cancelledBy: null,
      cancelReason: null,
      cancelledAt: null,
      createdAt: slot.now,
    } satisfies AppointmentEntity);
    return this.transactions.run(async () => {
      await this.reservation.reserve(appointment, slot.now);
      await this.outbox.record('scheduling.appointment.booked.v1', bookedEvent(appointment, patientId));
      return appointment;
    });
  }
}
