import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryError } from '../../domain/directory-error';
import { searchText } from '../../domain/search-text';
import { PatientEntity, PatientRegistrationRequestEntity, StructureEntity } from '../../infrastructure/entities';
import { checkName } from '../members/member-fields';
import { PatientAccessLogger } from '../patients/patient-access-logger';
import { findMatches, matchCriteria, type PatientMatchInput } from './patient-match.query';

export interface RegistrationRequestInput extends PatientMatchInput {
  firstName: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function checkId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw DirectoryError.invalid(field, 'must be an id (UUID)');
  return value.toLowerCase();
}

/**
 * A new patient booking online (SCH-5): their identity is kept here as a request, never in scheduling; staff confirming
 * the booking register the patient from it (or find them, if registered meanwhile); turning it down deletes it.
 */
@Injectable()
export class PatientRegistrationRequestHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly accessLog: PatientAccessLogger,
  ) {}

  open(input: Partial<RegistrationRequestInput>): Promise<string> {
    const criteria = matchCriteria(input);
    const firstName = checkName(String(input.firstName ?? ''), 'firstName');
    const lastName = checkName(String(input.lastName), 'lastName');
    return this.transactions.run(async (manager) => {
      if (!(await manager.existsBy(StructureEntity, { id: criteria.structureId })))
        throw DirectoryError.invalid('structureId', 'no such structure');
      const id = randomUUID();
      await manager.insert(PatientRegistrationRequestEntity, {
        id,
        structureId: criteria.structureId,
        firstName,
        lastName,
        birthDate: criteria.birthDate,
        phone: criteria.phone,
        patientId: null,
      });
      return id;
    });
  }

  /** Registers the patient of a request on behalf of `memberId` (vouched for by the calling service); idempotent. */
  register(requestId: string, memberId: unknown): Promise<string> {
    const id = checkId(requestId, 'requestId');
    const actor = checkId(memberId, 'memberId');
    return this.transactions.run(async (manager) => {
      const request = await manager.findOne(PatientRegistrationRequestEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) throw DirectoryError.notFound('Registration request', 'requestId');
      if (request.patientId) return request.patientId;
      const criteria = {
        structureId: request.structureId,
        lastName: searchText(request.lastName),
        birthDate: request.birthDate,
        phone: request.phone,
      };
      const [existing, ...others] = await findMatches(manager, criteria);
      let patient = existing && !others.length ? existing : undefined;
      if (!patient) {
        patient = await manager.save(
          Object.assign(new PatientEntity(), {
            id: randomUUID(),
            structureId: request.structureId,
            firstName: request.firstName,
            lastName: request.lastName,
            searchName: searchText(`${request.lastName} ${request.firstName}`),
            birthDate: request.birthDate,
            phone: request.phone,
            email: null,
            consentToReminders: false,
            medecinTraitantId: null,
            passThrough: false,
            prefersHuman: false,
          }),
        );
        await this.outbox.record('directory.patient.registered.v1', {
          patientId: patient.id,
          structureId: patient.structureId,
          consentToReminders: false,
          registeredAt: patient.createdAt.toISOString(),
        });
      }
      await this.accessLog.record(manager, { memberId: actor, memberships: [] }, [patient], 'online-booking:register');
      await manager.update(PatientRegistrationRequestEntity, { id }, { patientId: patient.id });
      return patient.id;
    });
  }

  /** Forgets a request that staff turned down (or that lapsed): the identity is deleted. */
  async discard(requestId: string): Promise<void> {
    await this.transactions.run((manager) =>
      manager.delete(PatientRegistrationRequestEntity, { id: checkId(requestId, 'requestId'), patientId: IsNull() }),
    );
  }
}
