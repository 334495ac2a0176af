import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { toE164 } from '../../domain/phone-number';
import { checkEmail, checkName } from '../members/member-fields';
import { PERMISSIONS } from '../permissions';
import { MemberRepository } from '../ports/member.repository';
import { MembershipRepository } from '../ports/membership.repository';
import { type Patient, PatientRepository } from '../ports/patient.repository';
import { PatientAccessLogger } from './patient-access-logger';
import { checkBirthDate, checkIns, checkMedecinTraitant } from './patient-fields';

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
  /** INS matricule (15 characters); imports bring it when the practice software has it. */
  ins?: string | null;
}

@Injectable()
export class RegisterPatientHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly patients: PatientRepository,
    private readonly members: MemberRepository,
    private readonly memberships: MembershipRepository,
    private readonly accessLog: PatientAccessLogger,
  ) {}
  async execute(user: UserContext, input: RegisterPatientInput): Promise<Patient> {
    assertStructureAccess(user, input.structureId, PERMISSIONS.writePatients);
    return this.register(user, input, 'registerPatient');
  }

  /**
   * The registration itself, for a caller that has checked the permission its own way (the administrators' import,
   * `PERMISSIONS.importDirectory`); `operation` names it in the access log.
   */
  async register(user: UserContext, input: RegisterPatientInput, operation: string): Promise<Patient> {
    const now = this.clock.now();
    const identity = {
      id: randomUUID(),
      structureId: input.structureId,
      firstName: checkName(input.firstName, 'input.firstName'),
      lastName: checkName(input.lastName, 'input.lastName'),
      birthDate: checkBirthDate(input.birthDate, 'input.birthDate', now),
      phone: input.phone ? toE164(input.phone, 'input.phone') : null,
      email: input.email ? checkEmail(input.email, 'input.email') : null,
      consentToReminders: input.consentToReminders ?? false,
      passThrough: input.passThrough ?? false,
      prefersHuman: input.prefersHuman ?? false,
      inAld: false,
      ins: input.ins ? checkIns(input.ins, 'input.ins') : null,
      createdAt: now,
      updatedAt: now,
    };
    return this.transactions.run(async () => {
      const patient: Patient = {
        ...identity,
        medecinTraitantId: await checkMedecinTraitant(
          this.members,
          this.memberships,
          input.structureId,
          input.medecinTraitantId,
        ),
      };
      await this.patients.insert(patient);
      await this.accessLog.record(user, [patient], operation);
      await this.outbox.record('directory.patient.registered.v1', {
        patientId: patient.id,
        structureId: patient.structureId,
        consentToReminders: patient.consentToReminders,
        registeredAt: now.toISOString(),
      });
      return patient;
    });
  }
}
