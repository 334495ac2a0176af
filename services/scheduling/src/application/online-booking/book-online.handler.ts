import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ForbiddenError } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { checkOnlinePatient, type OnlinePatient } from '../../domain/online-patient';
import { SchedulingError } from '../../domain/scheduling-error';
import type { Appointment } from '../ports/appointment.repository';
import { BookingConfirmation } from '../ports/booking-confirmation.port';
import { OnlineBookingRequestRepository, type OnlineIdentity } from '../ports/online-booking-request.repository';
import type { Actor } from '../actor';
import { heldEvent } from '../booking/appointment-events';
import { BookingContextLoader, type CheckedSlot } from '../booking/booking-context.loader';
import { newAppointment } from '../booking/new-appointment';
import { SlotReservation } from '../booking/slot-reservation';
import { Clock } from '@msp/service-kit';
import { assertUuid, parseInstant } from '../input-checks';
import { PATIENT_SERVICES_SETTINGS, type PatientServicesSettings } from '../patient-services-settings';
import { DirectoryRefusal, PatientDirectory } from '../ports/patient-directory.port';
import { OnlineHoldReleaser } from './online-hold.releaser';
import { OnlineSiteResolver } from './online-site.resolver';
import { TypedIdentityDiscarder } from './typed-identity.discarder';

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

/** The one answer to every online booking, whoever typed what: a held slot awaiting the practice's confirmation. */
export interface OnlineBookingReceipt {
  requestId: string;
  hold: Appointment;
}

/**
 * A patient books on the practice's public page (SCH-5): only motifs bookable online, only slots offered online
 * (notice, horizon, SNP once released), the database deciding who gets the time.
 *
 * Whatever the directory says of the typed identity — one patient matched, none (a new patient), none for a motif open
 * to known patients only — the same steps run and the same answer goes back: the identity is matched, kept by the
 * directory as a registration request, the slot is held and a request recorded for the practice to confirm. So the
 * public page tells no one whether someone is a patient, and knowing a patient's name, birth date and phone is not
 * enough to book in their name: a matched booking becomes theirs only through the `BookingConfirmation` second step.
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
    private readonly discarder: TypedIdentityDiscarder,
    private readonly confirmation: BookingConfirmation,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(PATIENT_SERVICES_SETTINGS) private readonly settings: PatientServicesSettings,
  ) {}

  async execute(actor: Actor, input: OnlineBookingInput): Promise<OnlineBookingReceipt> {
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
    const identity: OnlineIdentity = patientId
      ? 'known_patient'
      : slot.motif.newPatientsAllowed
        ? 'new_patient'
        : 'unknown_patient';
    const receipt = await this.holdForConfirmation(slot, patient, identity, patientId);
    if (patientId)
      await this.confirmation.begin({
        requestId: receipt.requestId,
        structureId,
        holdId: receipt.hold.id,
        patientId,
      });
    return receipt;
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

  /** The same for every identity: hold the slot, have the directory keep what was typed, record the request. */
  private async holdForConfirmation(
    slot: CheckedSlot,
    patient: OnlinePatient,
    identity: OnlineIdentity,
    patientId: string | null,
  ): Promise<OnlineBookingReceipt> {
    const ttlEnd = slot.now.getTime() + this.settings.onlineRequestTtlHours * 3_600_000;
    const hold = newAppointment(slot, {
      patientId: null,
      status: 'held',
      holdExpiresAt: new Date(Math.min(ttlEnd, slot.interval.start.getTime())),
      bookedBy: 'online',
      bookedByActor: 'online',
    });
    await this.transactions.run(async () => {
      await this.recheckLocked(slot);
      await this.reservation.reserve(hold, slot.now, slot.roomAlternatives);
      await this.outbox.record('scheduling.appointment.held.v1', heldEvent(hold));
    });
    let registrationRequestId: string | undefined;
    try {
      const typedId = await this.refusalsNamed(() =>
        this.directory.openRegistrationRequest({ structureId: slot.structureId, ...patient }),
      );
      registrationRequestId = typedId;
      const requestId = randomUUID();
      await this.transactions.run(() =>
        this.requests.insert({
          id: requestId,
          structureId: slot.structureId,
          holdId: hold.id,
          registrationRequestId: typedId,
          identity,
          patientId,
        }),
      );
      return { requestId, hold };
    } catch (error) {
      // The slot must not stay held for nobody: the hold lapses at once, with its event; nor the identity kept for nothing.
      await this.releaser.release(hold, this.clock.now());
      if (registrationRequestId) await this.discarder.discard(registrationRequestId);
      throw error;
    }
  }

  /** The slot checked before the directory was asked, checked again where it is taken: under the agenda lock. */
  private async recheckLocked(slot: CheckedSlot): Promise<void> {
    await this.loader.checkLocked(
      {
        practitionerId: slot.practitionerId,
        siteId: slot.siteId,
        motifId: slot.motif.id,
        startsAt: slot.interval.start.toISOString(),
      },
      'online',
      () => undefined,
    );
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
