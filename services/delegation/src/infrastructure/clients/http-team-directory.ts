import { Inject, Injectable } from '@nestjs/common';
import { readDirectoryTeam, type DirectoryTeamAnswer } from '@msp/contracts';
import { InternalHttpClient } from '@msp/messaging';
import { DIRECTORY_CLIENT_SETTINGS, type DirectoryClientSettings } from '../../application/directory-client-settings';
import { TeamDirectory, type TeamSnapshot } from '../../application/ports/team-directory.port';

/** The whole platform's team in one answer: more to send than a lookup, and nobody waits on it but a rebuild. */
const TIMEOUT_MS = 10_000;

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

  /** Only what the port promises: ids, roles and referents (null when none); sites with or without their zone. */
  async snapshot(): Promise<TeamSnapshot> {
    const team = readDirectoryTeam(await this.client.get<DirectoryTeamAnswer>('/internal/team'));
    return { sites: team.sites.map(({ siteId, structureId }) => ({ siteId, structureId })), members: team.members };
  }
}
