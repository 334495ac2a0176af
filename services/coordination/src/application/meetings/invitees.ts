import { Injectable } from '@nestjs/common';
import { CoordinationError } from '../../domain/coordination-error';
import { MAX_INVITEES } from '../../domain/meeting';
import { assertUuid } from '../input-checks';
import { TeamRepository, type TeamMember } from '../ports/team.repository';

/** The members a meeting invites: current members of its structure, each once, named by index when refused. */
@Injectable()
export class Invitees {
  constructor(private readonly team: TeamRepository) {}

  async of(structureId: string, ids: readonly string[], field = 'input.inviteeIds'): Promise<TeamMember[]> {
    if (!Array.isArray(ids) || ids.length === 0) throw CoordinationError.invalid(field, 'invite at least one member');
    if (ids.length > MAX_INVITEES) throw CoordinationError.invalid(field, `at most ${MAX_INVITEES} invitees`);
    ids.forEach((id, i) => assertUuid(id, `${field}[${i}]`));
    const unique = [...new Set(ids)];
    const members = await this.team.members(structureId, unique);
    const known = new Set(members.map((m) => m.memberId));
    const stranger = ids.findIndex((id) => !known.has(id));
    if (stranger >= 0)
      throw CoordinationError.invalid(`${field}[${stranger}]`, 'is not a current member of the meeting’s structure');
    return members;
  }
}
