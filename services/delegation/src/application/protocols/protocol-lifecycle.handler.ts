import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DelegationError, DelegationErrorCode } from '../../domain/delegation-error';
import { protocolStepsFrom, type ProtocolStep } from '../../domain/protocols/protocol';
import { TaskCatalogueQuery } from '../catalogue/task-catalogue.query';
import { assertUuid } from '../input-checks';
import { assertRole, PERMISSIONS } from '../permissions';
import { ProtocolRepository, type Protocol } from '../ports/protocol.repository';
import { protocolFacts } from './protocol-events';
import { protocolContentOf, type ProtocolContentInput } from './protocol-input';

/**
 * DEL-2: a physician adopts a draft, revises an adopted protocol (a new version; tasks already made keep theirs) or
 * retires it. Each step is one event; this service alone owns them, a meeting that adopts one gives its id.
 */
@Injectable()
export class ProtocolLifecycleHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly protocols: ProtocolRepository,
    private readonly catalogue: TaskCatalogueQuery,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  adopt(user: UserContext, input: { protocolId: string; meetingId?: string | null }): Promise<Protocol> {
    if (input.meetingId != null) assertUuid(input.meetingId, 'input.meetingId');
    return this.step(user, input.protocolId, 'adopt', async (protocol, now) => {
      await this.refuseSecondAdopted(protocol, protocol.current.content.taskType);
      const adopted: Protocol = {
        ...protocol,
        status: 'adopted',
        current: { ...protocol.current, adoptedBy: user.memberId, adoptedAt: now, meetingId: input.meetingId ?? null },
        updatedAt: now,
      };
      await this.protocols.save(adopted);
      await this.outbox.record('delegation.protocol.adopted.v1', {
        ...protocolFacts(adopted, await this.catalogueMinutes(adopted)),
        adoptedBy: user.memberId,
        adoptedAt: now.toISOString(),
      });
      return adopted;
    });
  }

  revise(user: UserContext, input: ProtocolContentInput & { protocolId: string }): Promise<Protocol> {
    return this.step(user, input.protocolId, 'revise', async (protocol, now) => {
      const content = await protocolContentOf(input, protocol.structureId, this.catalogue);
      if (content.taskType !== protocol.current.content.taskType)
        await this.refuseSecondAdopted(protocol, content.taskType);
      const version = protocol.currentVersion + 1;
      const revised: Protocol = {
        ...protocol,
        currentVersion: version,
        current: {
          version,
          content,
          writtenBy: user.memberId,
          writtenAt: now,
          adoptedBy: user.memberId,
          adoptedAt: now,
          meetingId: null,
        },
        updatedAt: now,
      };
      await this.protocols.save(revised);
      await this.outbox.record('delegation.protocol.revised.v1', {
        ...protocolFacts(revised, await this.catalogueMinutes(revised)),
        revisedBy: user.memberId,
        revisedAt: now.toISOString(),
      });
      return revised;
    });
  }

  retire(user: UserContext, input: { protocolId: string }): Promise<Protocol> {
    return this.step(user, input.protocolId, 'retire', async (protocol, now) => {
      const retired: Protocol = { ...protocol, status: 'retired', updatedAt: now };
      await this.protocols.save(retired);
      // A draft never applied: retiring it is not news to anyone.
      if (protocol.status === 'adopted')
        await this.outbox.record('delegation.protocol.retired.v1', {
          ...protocolFacts(retired, await this.catalogueMinutes(retired)),
          retiredBy: user.memberId,
          retiredAt: now.toISOString(),
        });
      return retired;
    });
  }

  private step(
    user: UserContext,
    protocolId: string,
    step: ProtocolStep,
    apply: (protocol: Protocol, now: Date) => Promise<Protocol>,
  ): Promise<Protocol> {
    assertUuid(protocolId, 'input.protocolId');
    return this.transactions.run(async () => {
      const protocol = await this.protocols.byId(protocolId, true);
      const unseen = DelegationError.notFound('Protocol', 'input.protocolId');
      if (!protocol) throw unseen;
      assertRole(user, protocol.structureId, PERMISSIONS.adoptProtocols, unseen);
      const allowed = protocolStepsFrom(protocol.status);
      if (!allowed.includes(step))
        throw new DelegationError(
          DelegationErrorCode.ProtocolState,
          `input.protocolId: a ${protocol.status} protocol cannot be ${step === 'adopt' ? 'adopted' : `${step}d`}; allowed: ${
            allowed.filter((s) => s !== 'edit_draft').join(', ') || 'none'
          }`,
          'input.protocolId',
        );
      return apply(protocol, this.clock.now());
    });
  }

  private async refuseSecondAdopted(protocol: Protocol, taskType: string): Promise<void> {
    const other = await this.protocols.adoptedFor(protocol.structureId, taskType);
    if (other && other.id !== protocol.id)
      throw new DelegationError(
        DelegationErrorCode.ProtocolState,
        `input.protocolId: protocol ${other.id} is already adopted for ${taskType}: revise it, or retire it first`,
        'input.protocolId',
      );
  }

  private async catalogueMinutes(protocol: Protocol): Promise<number> {
    return (await this.catalogue.typeOf(protocol.structureId, protocol.current.content.taskType))?.standardMinutes ?? 0;
  }
}
