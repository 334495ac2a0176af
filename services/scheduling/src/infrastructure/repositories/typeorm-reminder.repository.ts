import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { activeManager, requireActiveManager } from '@msp/persistence';
import type { PatientMessageKind } from '../../domain/patient-message';
import {
  ReminderRepository,
  type ScheduledOfferNotice,
  type ScheduledReminder,
  type DueReminder,
  type UpcomingAppointment,
} from '../../application/ports/reminder.repository';

interface DueRow {
  id: string;
  kind: PatientMessageKind;
  offer_expires_at: Date | null;
  link_token: string | null;
  appointment_id: string;
  patient_id: string;
  structure_id: string;
  rule: string;
  appointment_starts_at: Date;
  due_at: Date;
  attempts: number;
  site_id: string;
  practitioner_id: string;
  motif_id: string;
  still_valid: boolean;
}

/** Reminder consent (from the directory) and the notification outbox of reminders. */
@Injectable()
export class TypeOrmReminderRepository implements ReminderRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db(): EntityManager {
    return activeManager() ?? this.dataSource.manager;
  }

  /** `onlyIfUnknown`: a registration never overrides a later update that arrived first. */
  async recordConsent(patientId: string, structureId: string, consent: boolean, onlyIfUnknown: boolean): Promise<void> {
    await requireActiveManager('Recording reminder consent').query(
      `insert into patient_reminder_consent (patient_id, structure_id, consent) values ($1, $2, $3)
       on conflict (patient_id) do ${onlyIfUnknown ? 'nothing' : 'update set consent = excluded.consent, updated_at = now()'}`,
      [patientId, structureId, consent],
    );
  }

  async recordConsents(
    consents: ReadonlyArray<{ patientId: string; structureId: string; consentToReminders: boolean }>,
  ): Promise<string[]> {
    if (!consents.length) return [];
    const rows: Array<{ patient_id: string; consent: boolean }> = await requireActiveManager(
      'Recording reminder consents',
    ).query(
      `insert into patient_reminder_consent (patient_id, structure_id, consent)
       select * from unnest($1::uuid[], $2::uuid[], $3::boolean[])
       on conflict (patient_id) do nothing
       returning patient_id, consent`,
      [consents.map((c) => c.patientId), consents.map((c) => c.structureId), consents.map((c) => c.consentToReminders)],
    );
    return rows.filter((r) => r.consent).map((r) => r.patient_id);
  }

  async hasConsent(patientId: string): Promise<boolean> {
    const rows: Array<{ consent: boolean }> = await this.db.query(
      `select consent from patient_reminder_consent where patient_id = $1`,
      [patientId],
    );
    return rows[0]?.consent ?? false;
  }

  async schedule(reminders: readonly ScheduledReminder[], now: Date): Promise<void> {
    for (const r of reminders) {
      await requireActiveManager('Scheduling reminders').query(
        `insert into notification_outbox (id, kind, appointment_id, patient_id, structure_id, rule, appointment_starts_at, due_at, next_attempt_at, created_at)
         values ($1, 'appointment_reminder', $2, $3, $4, $5, $6, $7, $7, $8)
         on conflict (appointment_id, rule, appointment_starts_at) where status in ('scheduled', 'sending', 'sent') do nothing`,
        [r.id, r.appointmentId, r.patientId, r.structureId, r.rule, r.appointmentStartsAt, r.dueAt, now],
      );
    }
  }

  async scheduleOfferNotice(n: ScheduledOfferNotice, now: Date): Promise<void> {
    await requireActiveManager('Scheduling a waitlist offer notice').query(
      `insert into notification_outbox (id, kind, appointment_id, waitlist_offer_id, link_token, patient_id, structure_id, rule, appointment_starts_at, due_at, next_attempt_at, created_at)
       values ($1, 'waitlist_offer', $2, $3, $4, $5, $6, 'offer', $7, $8, $8, $9)`,
      [n.id, n.holdId, n.offerId, n.linkToken, n.patientId, n.structureId, n.startsAt, n.dueAt, now],
    );
  }

  async cancelForAppointment(appointmentId: string): Promise<number> {
    const [, count]: [unknown, number] = await requireActiveManager('Cancelling reminders').query(
      `update notification_outbox set status = 'cancelled', link_token = null where appointment_id = $1 and status = 'scheduled'`,
      [appointmentId],
    );
    return count;
  }

  async cancelForPatient(patientId: string): Promise<void> {
    await requireActiveManager('Cancelling reminders').query(
      `update notification_outbox set status = 'cancelled'
        where patient_id = $1 and status = 'scheduled' and kind = 'appointment_reminder'`,
      [patientId],
    );
  }

  async upcomingOf(patientId: string, now: Date): Promise<UpcomingAppointment[]> {
    const rows: Array<{ id: string; structure_id: string; site_id: string; starts_at: Date }> = await this.db.query(
      `select id, structure_id, site_id, starts_at from appointment where patient_id = $1 and status in ('booked', 'confirmed') and starts_at > $2`,
      [patientId, now],
    );
    return rows.map((r) => ({
      appointmentId: r.id,
      structureId: r.structure_id,
      siteId: r.site_id,
      startsAt: r.starts_at,
    }));
  }

  /**
   * Claims due reminders, and those whose lease ran out (a sender that crashed between claim and mark), in one
   * statement: `sending`, leased until `leaseUntil`, one more attempt. SKIP LOCKED: replicas share the work.
   */
  async claimDue(now: Date, limit: number, leaseUntil: Date): Promise<DueReminder[]> {
    const rows: DueRow[] = await this.db.query(
      `with claimed as (
         update notification_outbox set status = 'sending', attempts = attempts + 1, next_attempt_at = $3
          where id in (select id from notification_outbox
                        where status in ('scheduled', 'sending') and next_attempt_at <= $1
                        order by next_attempt_at limit $2 for update skip locked)
         returning id, kind, appointment_id, waitlist_offer_id, link_token, patient_id, structure_id, rule, appointment_starts_at, due_at, attempts)
       select n.*, a.site_id, a.practitioner_id, a.motif_id, o.expires_at as offer_expires_at,
              case when n.kind = 'waitlist_offer'
                   then a.status = 'held' and a.hold_expires_at > $1 and o.status = 'open'
                   else a.status in ('booked', 'confirmed') and a.starts_at = n.appointment_starts_at and a.starts_at > $1
              end as still_valid
         from claimed n join appointment a on a.id = n.appointment_id
         left join waitlist_offer o on o.id = n.waitlist_offer_id
        order by n.due_at`,
      [now, limit, leaseUntil],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      appointmentId: r.appointment_id,
      patientId: r.patient_id,
      structureId: r.structure_id,
      rule: r.rule,
      appointmentStartsAt: r.appointment_starts_at,
      dueAt: r.due_at,
      attempts: r.attempts,
      siteId: r.site_id,
      practitionerId: r.practitioner_id,
      motifId: r.motif_id,
      stillValid: r.still_valid,
      offerExpiresAt: r.offer_expires_at,
      linkToken: r.link_token,
    }));
  }

  /** Sent is sent, even by a sender whose lease ran out meanwhile (the provider deduplicated by the reminder id). */
  async markSent(id: string, provider: string, providerMessageId: string | undefined, now: Date): Promise<void> {
    await this.db.query(
      `update notification_outbox set status = 'sent', provider = $2, provider_message_id = $3, sent_at = $4, last_error = null,
              link_token = null
        where id = $1 and status in ('sending', 'scheduled')`,
      [id, provider, providerMessageId ?? null, now],
    );
  }

  async markSkipped(id: string, reason?: string): Promise<void> {
    await this.db.query(
      `update notification_outbox set status = 'skipped', link_token = null, last_error = coalesce($2, last_error)
        where id = $1 and status = 'sending'`,
      [id, reason?.slice(0, 500) ?? null],
    );
  }

  /** Attempt `attempt` failed: retried at `retryAt`, or given up (`failed`) when null; a stale claim changes nothing. */
  async markAttemptFailed(id: string, attempt: number, error: string, retryAt: Date | null): Promise<void> {
    await this.db.query(
      `update notification_outbox set last_error = $3, status = case when $4::timestamptz is null then 'failed' else 'scheduled' end,
              next_attempt_at = coalesce($4::timestamptz, next_attempt_at),
              link_token = case when $4::timestamptz is null then null else link_token end
        where id = $1 and status = 'sending' and attempts = $2`,
      [id, attempt, error.slice(0, 500), retryAt],
    );
  }
}
