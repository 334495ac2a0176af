import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryError, directoryInput } from '../../domain/directory-error';
import type { ServiceActor } from '../actor';
import { PatientRepository, type ReminderConsent } from '../ports/patient.repository';
import { StructureRepository } from '../ports/structure.repository';
import { NO_MEMBER, PatientAccessLogger } from './patient-access-logger';

/**
 * Why scheduling asks for a patient's contact: an appointment reminder (only with the patient's reminder consent), or
 * the offer of a freed slot the patient asked the desk to be told of when they joined the waitlist.
 */
export const CONTACT_PURPOSES = ['reminder', 'waitlist_offer'] as const;
export type ContactPurpose = (typeof CONTACT_PURPOSES)[number];

export interface PatientContactAnswer {
  patientId: string;
  structureId: string;
  /** The practice's name, for the message's signature. */
  structureName: string;
  consentToReminders: boolean;
  /** E.164; null when not on file, or withheld (a reminder without consent). */
  phone: string | null;
  email: string | null;
}

/**
 * Where scheduling can reach a patient at send time (SCH-8, SCH-9). The contact never leaves without a reason: for a
 * reminder it is given only while the patient consents (else consent false and no contact, and nothing is logged:
 * no identity was read out); every contact given is access-logged as `<service>:<purpose>-contact`, with the nil
 * member, in the reading transaction. Another structure's patient and an unknown id are the same null (404).
 */
@Injectable()
export class PatientContactQuery {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly patients: PatientRepository,
    private readonly structures: StructureRepository,
    private readonly accessLog: PatientAccessLogger,
  ) {}

  async contactOf(
    service: ServiceActor,
    input: { structureId: unknown; patientId: unknown; purpose: unknown },
  ): Promise<PatientContactAnswer | null> {
    const structureId = directoryInput.uuid(input.structureId, 'structureId');
    const patientId = directoryInput.uuid(input.patientId, 'patientId');
    const purpose = input.purpose as ContactPurpose;
    if (!CONTACT_PURPOSES.includes(purpose))
      throw DirectoryError.invalid('purpose', `must be one of ${CONTACT_PURPOSES.join(', ')}`);
    return this.transactions.run(async () => {
      const patient = await this.patients.findById(patientId);
      if (!patient || patient.structureId !== structureId) return null;
      const structure = await this.structures.findById(structureId);
      const withheld = purpose === 'reminder' && !patient.consentToReminders;
      if (!withheld)
        await this.accessLog.record(
          { memberId: NO_MEMBER },
          [patient],
          `${service.service}:${purpose.replace('_', '-')}-contact`,
        );
      return {
        patientId,
        structureId,
        structureName: structure?.name ?? '',
        consentToReminders: patient.consentToReminders,
        phone: withheld ? null : patient.phone,
        email: withheld ? null : patient.email,
      };
    });
  }

  /**
   * Every patient's reminder consent (ids and a yes/no, no identity), for scheduling to rebuild its copy of consents;
   * logged once per structure as a service read.
   */
  async reminderConsents(service: ServiceActor): Promise<ReminderConsent[]> {
    return this.transactions.run(async () => {
      const consents = await this.patients.reminderConsents();
      for (const structureId of new Set(consents.map((c) => c.structureId)))
        await this.accessLog.recordServiceRead(service, structureId, 'reminder-consents');
      return consents;
    });
  }
}
