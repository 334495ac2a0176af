import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import type { ServiceActor } from '../actor';
import { PatientRegistrationRequestRepository } from '../ports/patient-registration-request.repository';
import { checkId } from './registration-request-id';

/** Forgets a request that staff turned down (or that lapsed): the identity is deleted. */
@Injectable()
export class DiscardRegistrationRequestHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: PatientRegistrationRequestRepository,
  ) {}

  async execute(_actor: ServiceActor, input: { requestId: string }): Promise<void> {
    const id = checkId(input.requestId, 'requestId');
    await this.transactions.run(() => this.requests.deleteUnregistered(id));
  }
}
