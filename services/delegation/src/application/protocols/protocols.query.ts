import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { DelegationError } from '../../domain/delegation-error';
import { assertMember } from '../permissions';
import { ProtocolRepository, type Protocol, type ProtocolVersion } from '../ports/protocol.repository';

/** DEL-2: every member of the structure reads its protocols: they are the team's shared rules. */
@Injectable()
export class ProtocolsQuery {
  constructor(private readonly protocols: ProtocolRepository) {}

  async ofStructure(user: UserContext, structureId: string): Promise<Protocol[]> {
    assertMember(user, structureId, DelegationError.notFound('Structure', 'structureId'));
    return this.protocols.ofStructure(structureId);
  }

  async byId(user: UserContext, protocolId: string): Promise<Protocol> {
    const protocol = await this.protocols.byId(protocolId);
    const unseen = DelegationError.notFound('Protocol', 'protocolId');
    if (!protocol) throw unseen;
    assertMember(user, protocol.structureId, unseen);
    return protocol;
  }

  /**
   * Every version of each protocol, newest first: what each task was done under stays readable. The protocols were
   * read through a visibility check already (they are the parents of the field); one query for all of them.
   */
  versionsOf(protocolIds: readonly string[]): Promise<Array<ProtocolVersion & { protocolId: string }>> {
    return this.protocols.versionsOf(protocolIds);
  }
}
