import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { toE164 } from '../../domain/phone-number';
import { searchText } from '../../domain/search-text';
import { PatientEntity } from '../../infrastructure/entities';
import { checkEmail, checkName } from '../members/member-fields';
import { PERMISSIONS } from '../permissions';
import { PatientAccessLogger } from './patient-access-logger';
import { checkBirthDate, checkMedecinTraitant } from './patient-fields';

export interface RegisterPatientInput {
  structureId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  phone?: string | null;
  email?: string | null;
  consentToReminders?: boolean | null;
  medecinTraitantId?: string | null;
  passThrough?: boolean | null;
  prefersHuman?: boolean | null;
}

@Injectable()
export class RegisterPatientHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly accessLog: PatientAccessLogger,
  ) {}

  execute(user: UserContext, input: RegisterPatientInput): Promise<PatientEntity> {
    assertStructureAccess(user, input.structureId, PERMISSIONS.writePatients);
    const firstName = checkName(input.firstName, 'input.firstName');
    const lastName = checkName(input.lastName, 'input.lastName');
    const patient = Object.assign(new PatientEntity(), {
      id: randomUUID(),
      structureId: input.structureId,
      firstName,
      lastName,
      searchName: searchText(`${lastName} ${firstName}`),
      birthDate: checkBirthDate(input.birthDate, 'input.birthDate'),
      phone: input.phone ? toE164(input.phone, 'input.phone') : null,
      email: input.email ? checkEmail(input.email, 'input.email') : null,
      consentToReminders: input.consentToReminders ?? false,
      passThrough: input.passThrough ?? false,
      prefersHuman: input.prefersHuman ?? false,
    });
    return this.transactions.run(async (manager) => {
      patient.medecinTraitantId = await checkMedecinTraitant(manager, input.structureId, input.medecinTraitantId);
      const saved = await manager.save(patient);
      await this.accessLog.record(manager, user, [saved], 'registerPatient');
      await this.outbox.record('directory.patient.registered.v1', {
        patientId: saved.id,
        structureId: saved.structureId,
        consentToReminders: saved.consentToReminders,
        registeredAt: saved.createdAt.toISOString(),
      });
      return saved;
    });
  }
}
