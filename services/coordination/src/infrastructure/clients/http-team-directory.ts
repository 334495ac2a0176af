import { Inject, Injectable } from '@nestjs/common';
import type { InternalHttpClient } from '@msp/messaging';
import { INTERNAL_CLIENT_SETTINGS, type InternalClientSettings } from '../../application/internal-client-settings';
import { coordinationClient } from './coordination-client';
import { TeamDirectory, type TeamSnapshot } from '../../application/ports/team-directory.port';

/** The whole platform's team in one answer: more to send than a lookup, and nobody waits on it but a rebuild. */
const TIMEOUT_MS = 10_000;

type SnapshotAnswer = Partial<{
  sites: Array<Partial<{ siteId: string; structureId: string; timeZone: string }>>;
  members: Array<
    Partial<{ memberId: string; structureId: string; profession: string; roles: string[]; siteIds: string[] }>
  >;
}>;

/** The directory's internal team snapshot (`GET /internal/team`), called as service "coordination". */
@Injectable()
export class HttpTeamDirectory extends TeamDirectory {
  private readonly client: InternalHttpClient;

  constructor(@Inject(INTERNAL_CLIENT_SETTINGS) settings: InternalClientSettings) {
    super();
    this.client = coordinationClient(settings, 'directory', TIMEOUT_MS);
  }

  async snapshot(): Promise<TeamSnapshot> {
    return snapshotOf(await this.client.get<SnapshotAnswer>('/internal/team'));
  }
}

/** Only what the port promises, from an answer another service wrote. */
function snapshotOf(answer: SnapshotAnswer): TeamSnapshot {
  return {
    sites: (answer.sites ?? []).flatMap(({ siteId, structureId, timeZone }) =>
      siteId && structureId && timeZone ? [{ siteId, structureId, timeZone }] : [],
    ),
    members: (answer.members ?? []).flatMap(({ memberId, structureId, ...m }) =>
      memberId && structureId
        ? [
            {
              memberId,
              structureId,
              profession: m.profession ?? 'unknown',
              roles: m.roles ?? [],
              siteIds: m.siteIds ?? [],
            },
          ]
        : [],
    ),
  };
}
