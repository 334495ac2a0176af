import { EventFedCopyRebuilder } from '@msp/service-kit';
import type { TeamSnapshot } from '../ports/patient-directory.port';

/**
 * Scheduling's copy of the directory is fed by events. When it is empty at boot it asks the directory once for the
 * whole team (`PatientDirectory.team()`), written by `DirectoryProjection` as a snapshot: harmless alongside the events
 * (see EventFedCopyRebuilder, @msp/service-kit).
 */
export class DirectoryCopyRebuilder extends EventFedCopyRebuilder<TeamSnapshot> {
  protected readonly copyName = 'Directory copy';

  protected measure(team: TeamSnapshot): { count: number; told: string } {
    return { count: team.sites.length, told: `${team.sites.length} sites, ${team.members.length} memberships` };
  }
}
