import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import type { PatientChange } from '@msp/contracts';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryError } from '../../domain/directory-error';
import { toE164 } from '../../domain/phone-number';
import { searchText } from '../../domain/search-text';
import { PatientEntity } from '../../infrastructure/entities';
import { checkEmail, checkName } from '../members/member-fields';
import { PERMISSIONS } from '../permissions';
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
    private readonly accessLog: PatientAccessLogger,
  ) {}

  execute(user: UserContext, input: UpdatePatientInput): Promise<PatientEntity> {
    return this.transactions.run(async (manager) => {
      const patient = await manager.findOne(PatientEntity, {
        where: { id: input.patientId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!patient) throw DirectoryError.notFound('Patient', 'input.patientId');
      assertStructureAccess(
        user,
        patient.structureId,
        PERMISSIONS.writePatients,
        DirectoryError.notFound('Patient', 'input.patientId'),
      );
      const changes = new Set<PatientChange>();
      if (input.firstName != null || input.lastName != null || input.birthDate != null) {
        if (input.firstName != null) patient.firstName = checkName(input.firstName, 'input.firstName');
        if (input.lastName != null) patient.lastName = checkName(input.lastName, 'input.lastName');
        if (input.birthDate != null) patient.birthDate = checkBirthDate(input.birthDate, 'input.birthDate');
        patient.searchName = searchText(`${patient.lastName} ${patient.firstName}`);
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
        patient.medecinTraitantId = await checkMedecinTraitant(manager, patient.structureId, input.medecinTraitantId);
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
      const saved = await manager.save(patient);
      await this.accessLog.record(manager, user, [saved], 'updatePatient');
      await this.outbox.record('directory.patient.updated.v1', {
        patientId: saved.id,
        structureId: saved.structureId,
        changes: [...changes],
        ...(saved.medecinTraitantId ? { medecinTraitantId: saved.medecinTraitantId } : {}),
        consentToReminders: saved.consentToReminders,
        updatedAt: new Date().toISOString(),
      });
      return saved;
    });
  }
}
