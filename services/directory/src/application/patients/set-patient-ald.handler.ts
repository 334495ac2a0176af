import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryError } from '../../domain/directory-error';
import { PERMISSIONS } from '../permissions';
import { type Patient, PatientRepository } from '../ports/patient.repository';
import { PatientAccessLogger } from './patient-access-logger';

export interface SetPatientAldInput {
  patientId: string;
  inAld: boolean;
}

/**
 * Staff record that a patient is in ALD (affection de longue durée), or no longer is, for the ACI concertation rule
 * (COO-7). Health data: every set is access-logged, and no event announces it — other services learn only counts and
 * opaque ids, through the concertation population route.
 */
@Injectable()
export class SetPatientAldHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly patients: PatientRepository,
    private readonly accessLog: PatientAccessLogger,
  ) {}

  async execute(user: UserContext, input: SetPatientAldInput): Promise<Patient> {
    if (typeof input.inAld !== 'boolean') throw DirectoryError.invalid('input.inAld', 'must be true or false');
    return this.transactions.run(async () => {
      const patient = await this.patients.lockById(input.patientId);
      if (!patient) throw DirectoryError.notFound('Patient', 'input.patientId');
      assertStructureAccess(
        user,
        patient.structureId,
        PERMISSIONS.setPatientAld,
        DirectoryError.notFound('Patient', 'input.patientId'),
      );
      // Setting the value it already has keeps who set it first and when; the access log still records the call.
      if (patient.inAld !== input.inAld)
        await this.patients.setAld({
          patientId: patient.id,
          inAld: input.inAld,
          changedBy: user.memberId,
          changedAt: this.clock.now(),
        });
      await this.accessLog.record(user, [patient], 'setPatientAld');
      return { ...patient, inAld: input.inAld };
    });
  }
}
