import type { TeamMember, TeamSite } from './team.repository';

export interface TeamSnapshot {
  sites: TeamSite[];
  members: Array<Omit<TeamMember, 'leftAt'>>;
}

/** The directory's internal team snapshot: what its events say, in one answer, to rebuild an empty copy. */
export abstract class TeamDirectory {
  abstract snapshot(): Promise<TeamSnapshot>;
}
