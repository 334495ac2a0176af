import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { parseReminderRule, reminderDueAt, type ReminderRule } from '../../domain/reminder-rule';
import { AgendaRepository } from '../ports/agenda.repository';
import { ReminderRepository } from '../ports/reminder.repository';
import { Clock } from '@msp/service-kit';
import { PATIENT_SERVICES_SETTINGS, type PatientServicesSettings } from '../patient-services-settings';

export interface RemindableAppointment {
  appointmentId: string;
  patientId: string;
  structureId: string;
  siteId: string;
  startsAt: Date;
}

/**
 * Puts reminders in the notification outbox when an appointment is booked or confirmed (only for patients who consented,
 * as the directory said), at the configured rules computed in the site's zone; a reminder whose time has already passed
 * is not scheduled. Cancelling, moving an appointment or withdrawing consent cancels the ones not yet sent.
 * Runs inside the inbox transaction of the event that caused it.
 */
@Injectable()
export class ReminderScheduler {
  private readonly rules: ReminderRule[];

  constructor(
    private readonly reminders: ReminderRepository,
    private readonly agenda: AgendaRepository,
    private readonly clock: Clock,
    @Inject(PATIENT_SERVICES_SETTINGS) settings: PatientServicesSettings,
  ) {
    this.rules = settings.reminderRules.map((rule) => parseReminderRule(rule));
  }

  async scheduleFor(appointment: RemindableAppointment): Promise<void> {
    if (!(await this.reminders.hasConsent(appointment.patientId))) return;
    const site = await this.agenda.site(appointment.siteId);
    if (!site) return;
    const now = this.clock.now();
    const due = this.rules
      .map((rule) => ({ rule, dueAt: reminderDueAt(rule, appointment.startsAt, site.timeZone) }))
      .filter(({ dueAt }) => dueAt.getTime() > now.getTime());
    await this.reminders.schedule(
      due.map(({ rule, dueAt }) => ({
        id: randomUUID(),
        appointmentId: appointment.appointmentId,
        patientId: appointment.patientId,
        structureId: appointment.structureId,
        rule: rule.code,
        appointmentStartsAt: appointment.startsAt,
        dueAt,
      })),
      now,
    );
  }

  async cancelFor(appointmentId: string): Promise<void> {
    await this.reminders.cancelForAppointment(appointmentId);
  }

  async rescheduleFor(appointment: RemindableAppointment): Promise<void> {
    await this.reminders.cancelForAppointment(appointment.appointmentId);
    await this.scheduleFor(appointment);
  }

  /**
   * The directory's consents as a whole, while scheduling's copy of the directory is rebuilt (a new Kafka in front of
   * an existing directory): recorded for the patients no event told of yet, and the upcoming appointments of those who
   * consent get their reminders.
   */
  async consentsRebuilt(
    consents: ReadonlyArray<{ patientId: string; structureId: string; consentToReminders: boolean }>,
  ): Promise<void> {
    const consenting = await this.reminders.recordConsents(consents);
    const now = this.clock.now();
    for (const patientId of consenting)
      for (const upcoming of await this.reminders.upcomingOf(patientId, now))
        await this.scheduleFor({ ...upcoming, patientId });
  }

  /** The directory told the patient's consent: record it; withdrawn, pending reminders go; given, upcoming appointments get theirs. */
  async consentChanged(
    patientId: string,
    structureId: string,
    consent: boolean,
    fromRegistration: boolean,
  ): Promise<void> {
    await this.reminders.recordConsent(patientId, structureId, consent, fromRegistration);
    if (!(await this.reminders.hasConsent(patientId))) {
      await this.reminders.cancelForPatient(patientId);
      return;
    }
    for (const upcoming of await this.reminders.upcomingOf(patientId, this.clock.now()))
      await this.scheduleFor({ ...upcoming, patientId });
  }
}
