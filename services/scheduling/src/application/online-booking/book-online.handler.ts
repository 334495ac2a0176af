import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ForbiddenError } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { checkOnlinePatient, type OnlinePatient } from '../../domain/online-patient';
import { SchedulingError } from '../../domain/scheduling-error';
import type { Appointment } from '../ports/appointment.repository';
import { OnlineBookingRequestRepository } from '../ports/online-booking-request.repository';
import type { Actor } from '../actor';
import { bookedEvent, heldEvent } from '../booking/appointment-events';
import { BookingContextLoader, type CheckedSlot } from '../booking/booking-context.loader';
import { newAppointment } from '../booking/new-appointment';
import { SlotReservation } from '../booking/slot-reservation';
import { Clock } from '@msp/service-kit';
import { assertUuid, parseInstant } from '../input-checks';
import { PATIENT_SERVICES_SETTINGS, type PatientServicesSettings } from '../patient-services-settings';
import { DirectoryRefusal, PatientDirectory } from '../ports/patient-directory.port';
import { OnlineBookingError } from './online-booking.error';
import { OnlineHoldReleaser } from './online-hold.releaser';
import { OnlineSiteResolver } from './online-site.resolver';

export interface OnlineBookingInput {
  /** The practice whose public page the patient is on. */
  structureId: string;
  motifId: string;
  practitionerId: string;
  /** Optional: the site of the offered slot; found from the practitioner's ranges when omitted. */
  siteId?: string | null;
  startsAt: string;
  patient: unknown;
}

export type OnlineBookingOutcome =
  { status: 'booked'; appointment: Appointment } | { status: 'pending'; requestId: string; hold: Appointment };

/**
 * A patient books on the practice's public page (SCH-5): only motifs bookable online, only slots offered online
 * (notice, horizon, SNP once released), the database deciding who gets the time. A known patient (exactly one match in
 * the directory) is booked at once; a new one, when the motif allows it, gets a pending booking that holds the slot
 * while staff confirm it — the identity goes to the directory as a registration request, never here.
 */
@Injectable()
export class BookOnlineHandler {
  constructor(
    private readonly loader: BookingContextLoader,
    private readonly sites: OnlineSiteResolver,
    private readonly directory: PatientDirectory,
    private readonly transactions: TransactionRunner,
    private readonly reservation: SlotReservation,
    private readonly requests: OnlineBookingRequestRepository,
    private readonly releaser: OnlineHoldReleaser,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(PATIENT_SERVICES_SETTINGS) private readonly settings: PatientServicesSettings,
  ) {}

  async execute(actor: Actor, input: OnlineBookingInput): Promise<OnlineBookingOutcome> {
    if (actor.kind !== 'online') throw new ForbiddenError('Online booking is for patients on the public booking page');
    const structureId = assertUuid(input.structureId, 'structureId');
    const patient = checkOnlinePatient(input.patient, this.clock.now());
    const slot = await this.checkSlot(structureId, input);
    const patientId = await this.refusalsNamed(() =>
      this.directory.matchPatient({
        structureId,
        lastName: patient.lastName,
        birthDate: patient.birthDate,
        phone: patient.phone,
      }),
    );
    if (patientId) return { status: 'booked', appointment: await this.book(slot, patientId) };
    if (!slot.motif.newPatientsAllowed) throw OnlineBookingError.patientNotMatched();
    return this.bookPending(slot, patient);
  }

  private async checkSlot(structureId: string, input: OnlineBookingInput): Promise<CheckedSlot> {
    const practitionerId = assertUuid(input.practitionerId, 'input.practitionerId');
    const motifId = assertUuid(input.motifId, 'input.motifId');
    const startsAt = parseInstant(input.startsAt, 'input.startsAt');
    let siteId = input.siteId ? assertUuid(input.siteId, 'input.siteId') : null;
    if (!siteId) siteId = await this.sites.resolve(structureId, practitionerId, motifId, startsAt);
    return this.loader.check(
      { practitionerId, siteId, motifId, startsAt: input.startsAt },
      'online',
      (siteStructure) => {
        if (siteStructure !== structureId) throw SchedulingError.notFound('Site', 'input.siteId');
      },
    );
  }

  private appointment(
    slot: CheckedSlot,
    fields: Pick<Appointment, 'patientId' | 'status' | 'holdExpiresAt'>,
  ): Appointment {
    return newAppointment(slot, { ...fields, bookedBy: 'online', bookedByActor: 'online' });
  }

  private book(slot: CheckedSlot, patientId: string): Promise<Appointment> {
    const appointment = this.appointment(slot, { patientId, status: 'booked', holdExpiresAt: null });
    return this.transactions.run(async () => {
      await this.reservation.reserve(appointment, slot.now);
      await this.outbox.record('scheduling.appointment.booked.v1', bookedEvent(appointment, patientId));
      return appointment;
    });
  }

  private async bookPending(slot: CheckedSlot, patient: OnlinePatient): Promise<OnlineBookingOutcome> {
    const ttlEnd = slot.now.getTime() + this.settings.onlineRequestTtlHours * 3_600_000;
    const hold = this.appointment(slot, {
      patientId: null,
      status: 'held',
      holdExpiresAt: new Date(Math.min(ttlEnd, slot.interval.start.getTime())),
    });
    await this.transactions.run(async () => {
      await this.reservation.reserve(hold, slot.now);
      await this.outbox.record('scheduling.appointment.held.v1', heldEvent(hold));
    });
    try {
      const registrationRequestId = await this.refusalsNamed(() =>
        this.directory.openRegistrationRequest({ structureId: slot.structureId, ...patient }),
      );
      const requestId = randomUUID();
      await this.transactions.run(() =>
        this.requests.insert({ id: requestId, structureId: slot.structureId, holdId: hold.id, registrationRequestId }),
      );
      return { status: 'pending', requestId, hold };
    } catch (error) {
      // The slot must not stay held for nobody: the hold lapses at once, with its event.
      await this.releaser.release(hold, this.clock.now());
      throw error;
    }
  }

  /** The directory's refusals of what the patient typed, named as the patient's fields. */
  private async refusalsNamed<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DirectoryRefusal) {
        const field = error.field === 'structureId' ? 'structureId' : `patient.${error.field ?? 'identity'}`;
        throw SchedulingError.invalid(field, error.message.replace(/^[\w.]+: /, ''));
      }
      throw error;
    }
  }
}
