import { UndeliverableNotification, type ReminderMessage } from '../../application/ports/notification-provider';
import type { PatientContact, PatientDirectory } from '../../application/ports/patient-directory.port';

/**
 * The patient's contact, asked of the directory at send time for the message's purpose. A reminder to a patient who no
 * longer consents, and a patient the directory no longer knows as the structure's, are undeliverable (skipped, never
 * retried); a directory that cannot answer throws its retryable error.
 */
export async function contactFor(directory: PatientDirectory, message: ReminderMessage): Promise<PatientContact> {
  const purpose = message.kind === 'waitlist_offer' ? 'waitlist_offer' : 'reminder';
  const contact = await directory.patientContact(message.structureId, message.patientId, purpose);
  if (!contact) throw new UndeliverableNotification('the patient is not one of the structure’s any more');
  if (purpose === 'reminder' && !contact.consentToReminders)
    throw new UndeliverableNotification('the patient no longer consents to reminders');
  return contact;
}
