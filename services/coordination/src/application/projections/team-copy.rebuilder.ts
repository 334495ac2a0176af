import { EventFedCopyRebuilder } from '@msp/service-kit';
import type { TeamSnapshot } from '../ports/team-directory.port';

/**
 * Coordination's copy of the team (professions, roles, sites and their zones) is fed by the directory's events. When it
 * is empty at boot it asks the directory once for the whole team (`TeamDirectory`), written by `TeamProjection` with
 * the time of the answer (see EventFedCopyRebuilder, @msp/service-kit).
 */
export class TeamCopyRebuilder extends EventFedCopyRebuilder<TeamSnapshot> {
  protected readonly copyName = 'Team copy';

  protected measure(snapshot: TeamSnapshot): { count: number; told: string } {
    return { count: snapshot.members.length, told: `${snapshot.members.length} memberships` };
  }
}
