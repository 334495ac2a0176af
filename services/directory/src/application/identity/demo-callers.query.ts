import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { directoryInput } from '../../domain/directory-error';
import type { ServiceActor } from '../actor';
import { NO_MEMBER, PatientAccessLogger } from '../patients/patient-access-logger';
import { PatientRepository } from '../ports/patient.repository';

/** Far above a demo structure's patients (the demo MSPs have 500 and 60): the answer is bounded all the same. */
const MAX_DEMO_CALLERS = 2_000;

export interface DemoCaller {
  /** E.164. */
  phone: string;
  medecinTraitantId: string | null;
}

/**
 * The numbers a structure's patients call from, with their médecin traitant: what call routing's demo month dials from,
 * as a telephony platform would report the caller's number. Served on a development-only route; every patient whose
 * number leaves is access-logged (`call-routing:demo-callers`), in the reading transaction.
 */
@Injectable()
export class DemoCallersQuery {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly patients: PatientRepository,
    private readonly accessLog: PatientAccessLogger,
  ) {}

  of(service: ServiceActor, structureId: unknown): Promise<DemoCaller[]> {
    const id = directoryInput.uuid(structureId, 'structureId');
    return this.transactions.run(async () => {
      const listed = (await this.patients.search({ structureId: id, words: [], limit: MAX_DEMO_CALLERS })).filter(
        (p) => p.phone,
      );
      await this.accessLog.record({ memberId: NO_MEMBER }, listed, `${service.service}:demo-callers`);
      return listed.map((p) => ({ phone: p.phone as string, medecinTraitantId: p.medecinTraitantId }));
    });
  }
}
