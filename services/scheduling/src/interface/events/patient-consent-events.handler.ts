import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { ReminderScheduler } from '../../application/reminders/reminder-scheduler';

/** Reminder consent as the directory tells it (no consent until told otherwise), inside the inbox transaction. */
@Injectable()
export class PatientConsentEventsHandler {
  constructor(private readonly reminders: ReminderScheduler) {}

  @HandleEvent('directory.patient.registered.v1')
  async onRegistered(event: EventEnvelope<'directory.patient.registered.v1'>): Promise<void> {
    await this.reminders.consentChanged(
      event.data.patientId,
      event.data.structureId,
      event.data.consentToReminders ?? false,
      true,
    );
  }

  @HandleEvent('directory.patient.updated.v1')
  async onUpdated(event: EventEnvelope<'directory.patient.updated.v1'>): Promise<void> {
    await this.reminders.consentChanged(
      event.data.patientId,
      event.data.structureId,
      event.data.consentToReminders,
      false,
    );
  }
}
