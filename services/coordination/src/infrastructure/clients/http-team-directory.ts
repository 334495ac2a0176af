import { Inject, Injectable } from '@nestjs/common';
import { readDirectoryTeam, type DirectoryTeamAnswer } from '@msp/contracts';
import type { InternalHttpClient } from '@msp/messaging';
import { INTERNAL_CLIENT_SETTINGS, type InternalClientSettings } from '../../application/internal-client-settings';
import { TeamDirectory, type TeamSnapshot } from '../../application/ports/team-directory.port';
import { coordinationClient } from './coordination-client';

/** The whole platform's team in one answer: more to send than a lookup, and nobody waits on it but a rebuild. */
const TIMEOUT_MS = 10_000;

/** The directory's internal team snapshot (`GET /internal/team`), called as service "coordination". */
@Injectable()
export class HttpTeamDirectory extends TeamDirectory {
  private readonly client: InternalHttpClient;

  constructor(@Inject(INTERNAL_CLIENT_SETTINGS) settings: InternalClientSettings) {
    super();
    this.client = coordinationClient(settings, 'directory', TIMEOUT_MS);
  }

  /** Only what the port promises: a site without its time zone cannot place a meeting in time, so it waits for events. */
  async snapshot(): Promise<TeamSnapshot> {
    const team = readDirectoryTeam(await this.client.get<DirectoryTeamAnswer>('/internal/team'));
    return {
      sites: team.sites.flatMap(({ timeZone, ...site }) => (timeZone ? [{ ...site, timeZone }] : [])),
      members: team.members,
    };
  }
}
