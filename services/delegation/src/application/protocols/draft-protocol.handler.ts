import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DelegationError, DelegationErrorCode } from '../../domain/delegation-error';
import { assertUuid } from '../input-checks';
import { assertRole, PERMISSIONS } from '../permissions';
import { ProtocolRepository, type Protocol } from '../ports/protocol.repository';
import { TaskCatalogueQuery } from '../catalogue/task-catalogue.query';
import { protocolContentOf, type ProtocolContentInput } from './protocol-input';

/** DEL-2: a protocol is drafted, then edited as a draft until a physician adopts it. */
@Injectable()
export class DraftProtocolHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly protocols: ProtocolRepository,
    private readonly catalogue: TaskCatalogueQuery,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: ProtocolContentInput & { structureId: string }): Promise<Protocol> {
    assertUuid(input.structureId, 'input.structureId');
    assertRole(
      user,
      input.structureId,
      PERMISSIONS.draftProtocols,
      DelegationError.notFound('Structure', 'input.structureId'),
    );
    const content = await protocolContentOf(input, input.structureId, this.catalogue);
    const now = this.clock.now();
    const protocol: Protocol = {
      id: randomUUID(),
      structureId: input.structureId,
      status: 'draft',
      currentVersion: 1,
      current: {
        version: 1,
        content,
        writtenBy: user.memberId,
        writtenAt: now,
        adoptedBy: null,
        adoptedAt: null,
        meetingId: null,
      },
      createdBy: user.memberId,
      createdAt: now,
      updatedAt: now,
    };
    await this.transactions.run(() => this.protocols.insert(protocol));
    return protocol;
  }

  /** Replaces a draft's content; an adopted protocol changes only by revision. */
  async edit(user: UserContext, input: ProtocolContentInput & { protocolId: string }): Promise<Protocol> {
    assertUuid(input.protocolId, 'input.protocolId');
    return this.transactions.run(async () => {
      const protocol = await this.protocols.byId(input.protocolId, true);
      const unseen = DelegationError.notFound('Protocol', 'input.protocolId');
      if (!protocol) throw unseen;
      assertRole(user, protocol.structureId, PERMISSIONS.draftProtocols, unseen);
      if (protocol.status !== 'draft')
        throw new DelegationError(
          DelegationErrorCode.ProtocolState,
          `input.protocolId: the protocol is ${protocol.status}; ${protocol.status === 'adopted' ? 'revise it instead' : 'it can no longer change'}`,
          'input.protocolId',
        );
      const content = await protocolContentOf(input, protocol.structureId, this.catalogue);
      const now = this.clock.now();
      const edited: Protocol = {
        ...protocol,
        current: { ...protocol.current, content, writtenBy: user.memberId, writtenAt: now },
        updatedAt: now,
      };
      await this.protocols.save(edited);
      return edited;
    });
  }
}
