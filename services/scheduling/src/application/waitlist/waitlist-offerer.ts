import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { localDateOf } from '../../domain/local-date';
import { SchedulingError, SchedulingErrorCode } from '../../domain/scheduling-error';
import { AgendaRepository } from '../ports/agenda.repository';
import { ReminderRepository } from '../ports/reminder.repository';
import { WaitlistRepository, type WaitlistEntry } from '../ports/waitlist.repository';
import { heldEvent } from '../booking/appointment-events';
import { BookingContextLoader } from '../booking/booking-context.loader';
import { newAppointment } from '../booking/new-appointment';
import { SlotReservation } from '../booking/slot-reservation';
import { Clock } from '@msp/service-kit';
import { Savepoints } from '../ports/savepoints';
import { PATIENT_SERVICES_SETTINGS, type PatientServicesSettings } from '../patient-services-settings';

export interface FreedSlot {
  structureId: string;
  siteId: string;
  practitionerId: string;
  startsAt: Date;
  /** The patient who freed it is not offered it back. */
  freedByPatientId?: string | null;
}

const CANDIDATES = 20;

/** The secret of an offer's answer links: 32 random bytes, base64url; only its SHA-256 is kept on the offer. */
export const newAnswerToken = (): string => randomBytes(32).toString('base64url');
export const answerTokenHash = (token: string): Buffer => createHash('sha256').update(token).digest();
export const WAITLIST_ACTOR = 'system:waitlist';

/**
 * Offers a freed slot to the first waiting patient it suits (SCH-9): the slot is held for them (a hold in their name, so
 * nobody else can take it) until the offer expires; the patient is sent the offer with links to accept or decline
 * (the notification outbox), and `scheduling.waitlist.offer-made.v1` tells the other services. A candidate whose motif does not fit the slot is passed over; a slot someone took meanwhile ends the search.
 * Runs inside the caller's transaction; each attempt under a savepoint, so a refused one leaves nothing behind.
 */
@Injectable()
export class WaitlistOfferer {
  constructor(
    private readonly waitlist: WaitlistRepository,
    private readonly agenda: AgendaRepository,
    private readonly loader: BookingContextLoader,
    private readonly reservation: SlotReservation,
    private readonly outbox: OutboxWriter,
    private readonly savepoints: Savepoints,
    private readonly clock: Clock,
    @Inject(PATIENT_SERVICES_SETTINGS) private readonly settings: PatientServicesSettings,
    private readonly notices: ReminderRepository,
  ) {}

  async offer(slot: FreedSlot): Promise<string | null> {
    const now = this.clock.now();
    if (slot.startsAt.getTime() <= now.getTime()) return null;
    const [site, member] = await Promise.all([
      this.agenda.site(slot.siteId),
      this.agenda.teamMember(slot.practitionerId, slot.structureId),
    ]);
    if (!site || !member) return null;
    const candidates = await this.waitlist.waitingFor(
      {
        structureId: slot.structureId,
        practitionerId: slot.practitionerId,
        profession: member.profession,
        slotDate: localDateOf(slot.startsAt, site.timeZone),
        startsAt: slot.startsAt,
        excludePatientId: slot.freedByPatientId ?? null,
      },
      CANDIDATES,
    );
    for (const entry of candidates) {
      const outcome = await this.tryOffer(entry, slot, now);
      if (outcome !== 'unsuitable') return outcome === 'taken' ? null : outcome;
    }
    return null;
  }

  private async tryOffer(entry: WaitlistEntry, slot: FreedSlot, now: Date): Promise<string | 'unsuitable' | 'taken'> {
    try {
      return await this.savepoints.attempt(() => this.makeOffer(entry, slot, now));
    } catch (error) {
      if (!(error instanceof SchedulingError)) throw error;
      return error.code === SchedulingErrorCode.SlotTaken ? 'taken' : 'unsuitable';
    }
  }

  private async makeOffer(entry: WaitlistEntry, slot: FreedSlot, now: Date): Promise<string> {
    const checked = await this.loader.checkLocked(
      {
        practitionerId: slot.practitionerId,
        siteId: slot.siteId,
        motifId: entry.motifId,
        startsAt: slot.startsAt.toISOString(),
      },
      'staff',
      () => undefined,
    );
    const expiresAt = new Date(
      Math.min(now.getTime() + this.settings.waitlistOfferMinutes * 60_000, slot.startsAt.getTime()),
    );
    const hold = newAppointment(checked, {
      patientId: entry.patientId,
      status: 'held',
      holdExpiresAt: expiresAt,
      bookedBy: 'staff',
      bookedByActor: WAITLIST_ACTOR,
    });
    await this.reservation.reserve(hold, now, checked.roomAlternatives);
    const offerId = randomUUID();
    const token = newAnswerToken();
    await this.waitlist.insertOffer({
      id: offerId,
      entryId: entry.id,
      holdId: hold.id,
      practitionerId: hold.practitionerId,
      siteId: hold.siteId,
      startsAt: hold.startsAt,
      endsAt: hold.endsAt,
      expiresAt,
      answerTokenHash: answerTokenHash(token),
    });
    await this.waitlist.setEntryStatus(entry.id, 'offered');
    // The patient is told at once, through the notification outbox, with links to accept or decline.
    await this.notices.scheduleOfferNotice(
      {
        id: randomUUID(),
        offerId,
        holdId: hold.id,
        patientId: entry.patientId,
        structureId: hold.structureId,
        startsAt: hold.startsAt,
        dueAt: now,
        linkToken: token,
      },
      now,
    );
    const times = { startsAt: hold.startsAt.toISOString(), endsAt: hold.endsAt.toISOString() };
    await this.outbox.record('scheduling.appointment.held.v1', heldEvent(hold));
    await this.outbox.record('scheduling.waitlist.offer-made.v1', {
      offerId,
      waitlistEntryId: entry.id,
      patientId: entry.patientId,
      structureId: hold.structureId,
      siteId: hold.siteId,
      practitionerId: hold.practitionerId,
      motifId: hold.motifId,
      holdId: hold.id,
      ...times,
      expiresAt: expiresAt.toISOString(),
    });
    return offerId;
  }
}
