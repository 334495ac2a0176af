import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import type { PatientChange } from '@msp/contracts';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryError } from '../../domain/directory-error';
import { toE164 } from '../../domain/phone-number';
import { checkEmail, checkName } from '../members/member-fields';
import { PERMISSIONS } from '../permissions';
import { MemberRepository } from '../ports/member.repository';
import { MembershipRepository } from '../ports/membership.repository';
import { type Patient, PatientRepository } from '../ports/patient.repository';
import { PatientAccessLogger } from './patient-access-logger';
import { checkBirthDate, checkMedecinTraitant } from './patient-fields';
import type { RegisterPatientInput } from './register-patient.handler';

export type UpdatePatientInput = { patientId: string } & {
  [K in Exclude<keyof RegisterPatientInput, 'structureId'>]?: RegisterPatientInput[K] | null;
};

@Injectable()
export class UpdatePatientHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly patients: PatientRepository,
    private readonly members: MemberRepository,
    private readonly memberships: MembershipRepository,
    private readonly accessLog: PatientAccessLogger,
  ) {}
  async execute(user: UserContext, input: UpdatePatientInput): Promise<Patient> {
    return this.transactions.run(async () => {
      const current = await this.patients.lockById(input.patientId);
      if (!current) throw DirectoryError.notFound('Patient', 'input.patientId');
      assertStructureAccess(
        user,
        current.structureId,
        PERMISSIONS.writePatients,
        DirectoryError.notFound('Patient', 'input.patientId'),
      );
      const now = this.clock.now();
      const patient: Patient = { ...current, updatedAt: now };
      const changes = new Set<PatientChange>();
      if (input.firstName != null || input.lastName != null || input.birthDate != null) {
        if (input.firstName != null) patient.firstName = checkName(input.firstName, 'input.firstName');
        if (input.lastName != null) patient.lastName = checkName(input.lastName, 'input.lastName');
        if (input.birthDate != null) patient.birthDate = checkBirthDate(input.birthDate, 'input.birthDate', now);
        changes.add('identity');
      }
      if (input.phone !== undefined) {
        patient.phone = input.phone ? toE164(input.phone, 'input.phone') : null;
        changes.add('contact');
      }
      if (input.email !== undefined) {
        patient.email = input.email ? checkEmail(input.email, 'input.email') : null;
        changes.add('contact');
      }
      if (input.medecinTraitantId !== undefined) {
        patient.medecinTraitantId = await checkMedecinTraitant(
          this.members,
          this.memberships,
          patient.structureId,
          input.medecinTraitantId,
        );
        changes.add('medecin_traitant');
      }
      if (input.passThrough != null || input.prefersHuman != null) {
        patient.passThrough = input.passThrough ?? patient.passThrough;
        patient.prefersHuman = input.prefersHuman ?? patient.prefersHuman;
        changes.add('call_flags');
      }
      if (input.consentToReminders != null) {
        patient.consentToReminders = input.consentToReminders;
        changes.add('reminder_consent');
      }
      if (!changes.size) throw DirectoryError.invalid('input', 'nothing to change');
      await this.patients.update(patient);
      await this.accessLog.record(user, [patient], 'updatePatient');
      await this.outbox.record('directory.patient.updated.v1', {
        patientId: patient.id,
        structureId: patient.structureId,
        changes: [...changes],
        ...(patient.medecinTraitantId ? { medecinTraitantId: patient.medecinTraitantId } : {}),
        consentToReminders: patient.consentToReminders,
        updatedAt: now.toISOString(),
      });
      return patient;
    });
  }
}
