import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryError } from '../../domain/directory-error';
import { searchText } from '../../domain/search-text';
import type { ServiceActor } from '../actor';
import { PatientAccessLogger } from '../patients/patient-access-logger';
import { PatientRegistrationRequestRepository } from '../ports/patient-registration-request.repository';
import { type Patient, PatientRepository } from '../ports/patient.repository';
import { checkId } from './registration-request-id';

export interface RegisterFromRequestInput {
  requestId: string;
  /** The member confirming the booking, vouched for by the calling service. */
  memberId: unknown;
}

/**
 * Staff confirmed an online booking of a new patient: registers the patient of the request (or finds them, if
 * registered meanwhile) on behalf of the member; idempotent. Returns the patient's id.
 */
@Injectable()
export class RegisterFromRequestHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly requests: PatientRegistrationRequestRepository,
    private readonly patients: PatientRepository,
    private readonly accessLog: PatientAccessLogger,
  ) {}

  async execute(_actor: ServiceActor, input: RegisterFromRequestInput): Promise<string> {
    const id = checkId(input.requestId, 'requestId');
    const memberId = checkId(input.memberId, 'memberId');
    return this.transactions.run(async () => {
      const request = await this.requests.lockById(id);
      if (!request) throw DirectoryError.notFound('Registration request', 'requestId');
      if (request.patientId) return request.patientId;
      const [existing, ...others] = await this.patients.match({
        structureId: request.structureId,
        lastName: searchText(request.lastName),
        birthDate: request.birthDate,
        phone: request.phone,
      });
      let patient: Patient | undefined = existing && !others.length ? existing : undefined;
      if (!patient) {
        const now = this.clock.now();
        patient = {
          id: randomUUID(),
          structureId: request.structureId,
          firstName: request.firstName,
          lastName: request.lastName,
          birthDate: request.birthDate,
          phone: request.phone,
          email: null,
          consentToReminders: false,
          medecinTraitantId: null,
          passThrough: false,
          prefersHuman: false,
          inAld: false,
          createdAt: now,
          updatedAt: now,
        };
        await this.patients.insert(patient);
        await this.outbox.record('directory.patient.registered.v1', {
          patientId: patient.id,
          structureId: patient.structureId,
          consentToReminders: false,
          registeredAt: now.toISOString(),
        });
      }
      await this.accessLog.record({ memberId }, [patient], 'online-booking:register');
      await this.requests.markRegistered(id, patient.id);
      return patient.id;
    });
  }
}
