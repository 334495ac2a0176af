import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { CallRoutingError } from '../../domain/call-routing-error';
import { assertPhoneNumber, assertText, assertUuid } from '../input-checks';
import { assertRole, PERMISSIONS } from '../permissions';
import { DirectoryCopyRepository } from '../ports/directory-copy.repository';
import { LineRepository, type PhoneLine } from '../ports/line.repository';

export interface AddLineInput {
  siteId: string;
  practitionerId?: string | null;
  number: string;
  deskNumber: string;
  label: string;
}

/** A practice's phone lines (CAL-1): one per site, and one per practitioner who wants their own. */
@Injectable()
export class ManageLinesHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly lines: LineRepository,
    private readonly directory: DirectoryCopyRepository,
    private readonly clock: Clock,
  ) {}

  async add(user: UserContext, input: AddLineInput): Promise<PhoneLine> {
    const siteId = assertUuid(input.siteId, 'input.siteId');
    const practitionerId = input.practitionerId ? assertUuid(input.practitionerId, 'input.practitionerId') : null;
    const number = assertPhoneNumber(input.number, 'input.number');
    const deskNumber = assertPhoneNumber(input.deskNumber, 'input.deskNumber');
    const label = assertText(input.label ?? '', 'input.label').trim();
    if (!label || label.length > 120) throw CallRoutingError.invalid('input.label', 'must be 1 to 120 characters');
    if (number === deskNumber)
      throw CallRoutingError.invalid('input.deskNumber', 'must differ from the line number: a transfer would loop');

    const site = await this.directory.site(siteId);
    const unseen = CallRoutingError.notFound('Site', 'input.siteId');
    if (!site) throw unseen;
    assertRole(user, site.structureId, PERMISSIONS.manageLines, unseen);
    if (practitionerId) {
      const [member] = await this.directory.currentMembers(site.structureId, [practitionerId]);
      if (!member) throw CallRoutingError.notFound('Practitioner', 'input.practitionerId');
    }
    return this.transactions.run(() =>
      this.lines.create({
        id: randomUUID(),
        structureId: site.structureId,
        siteId,
        practitionerId,
        number,
        deskNumber,
        label,
        createdAt: this.clock.now(),
      }),
    );
  }

  async remove(user: UserContext, lineId: string): Promise<PhoneLine> {
    const id = assertUuid(lineId, 'lineId');
    const unseen = CallRoutingError.notFound('Line', 'lineId');
    const line = await this.lines.byId(id);
    if (!line) throw unseen;
    assertRole(user, line.structureId, PERMISSIONS.manageLines, unseen);
    const removed = await this.lines.remove(id, this.clock.now());
    if (!removed) throw unseen;
    return removed;
  }
}
