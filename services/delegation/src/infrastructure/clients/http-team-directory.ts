import { Inject, Injectable } from '@nestjs/common';
import { InternalHttpClient } from '@msp/messaging';
import { DIRECTORY_CLIENT_SETTINGS, type DirectoryClientSettings } from '../../application/directory-client-settings';
import { TeamDirectory, type TeamSnapshot } from '../../application/ports/team-directory.port';

/** The whole platform's team in one answer: more to send than a lookup, and nobody waits on it but a rebuild. */
const TIMEOUT_MS = 10_000;

type SnapshotAnswer = Partial<{
  sites: Array<Partial<{ siteId: string; structureId: string; timeZone: string }>>;
  members: Array<
    Partial<{
      memberId: string;
      structureId: string;
      profession: string;
      roles: string[];
      siteIds: string[];
      referentId: string | null;
      backupReferentId: string | null;
    }>
  >;
}>;

/**
 * The directory's internal team snapshot (`GET /internal/team`), called as service "delegation". A directory that is
 * down, slow or refusing fails the call with the client's typed error (InternalUnavailableError, InternalTimeoutError,
 * InternalRejectedError): the rebuild that asks has nothing to go on without it.
 */
@Injectable()
export class HttpTeamDirectory extends TeamDirectory {
  private readonly client: InternalHttpClient;

  constructor(@Inject(DIRECTORY_CLIENT_SETTINGS) settings: DirectoryClientSettings) {
    super();
    this.client = new InternalHttpClient({
      caller: 'delegation',
      target: 'directory',
      baseUrl: settings.directoryInternalUrl,
      privateKey: settings.servicePrivateKey,
      timeoutMs: TIMEOUT_MS,
    });
  }

  async snapshot(): Promise<TeamSnapshot> {
    return snapshotOf(await this.client.get<SnapshotAnswer>('/internal/team'));
  }
}

/** Only what the port promises, from an answer another service wrote: ids, roles and referents (null when none). */
function snapshotOf(answer: SnapshotAnswer): TeamSnapshot {
  return {
    sites: (answer.sites ?? []).flatMap(({ siteId, structureId }) =>
      siteId && structureId ? [{ siteId, structureId }] : [],
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
              referentId: m.referentId ?? null,
              backupReferentId: m.backupReferentId ?? null,
            },
          ]
        : [],
    ),
  };
}
