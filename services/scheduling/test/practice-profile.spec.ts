import { randomUUID } from 'node:crypto';
import { Clock } from '@msp/service-kit';
import { DirectoryStub } from './fixtures/directory-stub';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

interface PublicProfile {
  structureId: string;
  name: string;
  sites: Array<{ id: string; name: string; address: string; city: string; timeZone: string; phone: string | null }>;
  practitioners: Array<{ id: string; displayName: string; profession: string; siteIds: string[] }>;
}

/** A patient's browser asking the public listener, with the answer's cache header. */
async function get<T>(
  baseUrl: string,
  path: string,
): Promise<{ status: number; body: T; cacheControl: string | null }> {
  const response = await fetch(`${baseUrl}${path}`);
  return {
    status: response.status,
    body: (await response.json()) as T,
    cacheControl: response.headers.get('cache-control'),
  };
}

describe("the practice's public profile on the booking page (SCH-5): names for the ids of motifs and slots", () => {
  let directory: DirectoryStub;
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;
  const profilePath = (structureId: string) => `/public/${structureId}/practice`;
  const askedFor = (structureId: string) =>
    directory.calls.filter((call) => call === `GET /internal/structures/${structureId}/public-profile`).length;

  /** What the directory answers for the seeded practice, with fields the public page must not be given. */
  const directoryProfile = (name = 'MSP des Lices') => ({
    structureId: agenda.structureId,
    name,
    timeZone: 'Europe/Paris',
    sites: [
      {
        siteId: agenda.siteId,
        name: 'Montfort-sur-Meu',
        addressLine: '14 rue des Lices',
        postalCode: '35160',
        city: 'Montfort-sur-Meu',
        address: '14 rue des Lices, 35160 Montfort-sur-Meu',
        timeZone: agenda.timeZone,
        phone: '+33299094120',
      },
    ],
    practitioners: [
      {
        memberId: agenda.gpId,
        displayName: 'Dr Yann Le Gall',
        profession: 'general_practitioner',
        siteIds: [agenda.siteId],
        // Never on the public page, whatever a directory adds to its answer.
        email: 'dr.le-gall@msp-lices.demo',
      },
      {
        memberId: agenda.colleagueId,
        displayName: 'Dr Claire Moreau',
        profession: 'general_practitioner',
        siteIds: [agenda.siteId],
      },
    ],
  });

  beforeAll(async () => {
    directory = await DirectoryStub.start();
    scheduling = await SchedulingTestApp.start('scheduling_practice_profile', {
      DIRECTORY_INTERNAL_URL: directory.url,
      PUBLIC_BOOKING_LIMIT_PER_HOUR: '1000',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000',
    });
    agenda = await seedAgenda(scheduling);
    directory.profiles.set(agenda.structureId, directoryProfile());
  });

  afterAll(async () => {
    await scheduling?.stop();
    await directory?.stop();
  });

  afterEach(() => jest.restoreAllMocks());

  it('names the practice, its sites and the practitioner of every slot it offers online', async () => {
    const answer = await get<PublicProfile>(scheduling.publicUrl, profilePath(agenda.structureId));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      structureId: agenda.structureId,
      name: 'MSP des Lices',
      sites: [
        {
          id: agenda.siteId,
          name: 'Montfort-sur-Meu',
          address: '14 rue des Lices, 35160 Montfort-sur-Meu',
          city: 'Montfort-sur-Meu',
          timeZone: agenda.timeZone,
          phone: '+33299094120',
        },
      ],
      practitioners: [
        {
          id: agenda.gpId,
          displayName: 'Dr Yann Le Gall',
          profession: 'general_practitioner',
          siteIds: [agenda.siteId],
        },
        {
          id: agenda.colleagueId,
          displayName: 'Dr Claire Moreau',
          profession: 'general_practitioner',
          siteIds: [agenda.siteId],
        },
      ],
    });
    expect(JSON.stringify(answer.body)).not.toContain('@');
    // Browsers and proxies may keep this public answer a minute.
    expect(answer.cacheControl).toBe('public, max-age=60');

    // Every slot the page offers has a name and a place in the profile.
    const date = siteTime(agenda, 2, '12:00').slice(0, 10);
    const slots = await get<{ slots: Array<{ practitionerId: string; siteId: string }> }>(
      scheduling.publicUrl,
      `/public/${agenda.structureId}/slots?motifId=${agenda.motifId}&from=${date}&to=${date}`,
    );
    expect(slots.body.slots.length).toBeGreaterThan(0);
    const named = new Set(answer.body.practitioners.map((p) => p.id));
    const placed = new Set(answer.body.sites.map((s) => s.id));
    for (const slot of slots.body.slots) {
      expect(named).toContain(slot.practitionerId);
      expect(placed).toContain(slot.siteId);
    }
  });

  it('asks the directory once a minute per practice however many patients open the page, then sees its changes', async () => {
    const clock = scheduling.get(Clock);
    const start = new Date(Date.now() + 3_600_000);
    const now = jest.spyOn(clock, 'now').mockReturnValue(start);
    const before = askedFor(agenda.structureId);
    const crowd = await Promise.all(
      Array.from({ length: 25 }, () => get<PublicProfile>(scheduling.publicUrl, profilePath(agenda.structureId))),
    );
    expect(crowd.map((a) => a.status)).toEqual(Array(25).fill(200));
    expect(askedFor(agenda.structureId) - before).toBe(1);

    directory.profiles.set(agenda.structureId, directoryProfile('MSP des Lices et de Brocéliande'));
    now.mockReturnValue(new Date(start.getTime() + 59_000));
    expect((await get<PublicProfile>(scheduling.publicUrl, profilePath(agenda.structureId))).body.name).toBe(
      'MSP des Lices',
    );
    now.mockReturnValue(new Date(start.getTime() + 61_000));
    expect((await get<PublicProfile>(scheduling.publicUrl, profilePath(agenda.structureId))).body.name).toBe(
      'MSP des Lices et de Brocéliande',
    );
    directory.profiles.set(agenda.structureId, directoryProfile());
  });

  it('answers 404 for a practice the directory does not know, and names a bad id', async () => {
    const unknown = await get<Record<string, unknown>>(scheduling.publicUrl, profilePath(randomUUID()));
    expect(unknown).toMatchObject({ status: 404, body: { code: 'SCHEDULING.NOT_FOUND', field: 'structureId' } });
    expect(unknown.cacheControl).toBe('no-store');
    const bad = await get<Record<string, unknown>>(scheduling.publicUrl, profilePath('not-a-practice'));
    expect(bad).toMatchObject({ status: 400, body: { code: 'SCHEDULING.INVALID_INPUT', field: 'structureId' } });
  });

  it('answers 503 ONLINE.DIRECTORY_UNAVAILABLE when the directory is down, while motifs and slots still answer', async () => {
    // A practice this replica has not asked about yet: nothing in memory to fall back on.
    const other = await seedAgenda(scheduling);
    directory.down = true;
    try {
      const answer = await get<Record<string, unknown>>(scheduling.publicUrl, profilePath(other.structureId));
      expect(answer).toMatchObject({
        status: 503,
        body: { code: 'ONLINE.DIRECTORY_UNAVAILABLE', retryable: true },
      });
      expect(answer.body.message).toMatch(/cannot be reached/);
      // Not kept by the browser: the next try asks again.
      expect(answer.cacheControl).toBe('no-store');
      const motifs = await get<{ motifs: unknown[] }>(scheduling.publicUrl, `/public/${other.structureId}/motifs`);
      expect(motifs.status).toBe(200);
      expect(motifs.body.motifs.length).toBeGreaterThan(0);
      const date = siteTime(other, 2, '12:00').slice(0, 10);
      const slots = await get<{ slots: unknown[] }>(
        scheduling.publicUrl,
        `/public/${other.structureId}/slots?motifId=${other.motifId}&from=${date}&to=${date}`,
      );
      expect(slots.status).toBe(200);
      expect(slots.body.slots.length).toBeGreaterThan(0);
    } finally {
      directory.down = false;
    }
  });

  it('is a public route only: the private port does not answer it', async () => {
    expect((await fetch(`${scheduling.url}${profilePath(agenda.structureId)}`)).status).toBe(404);
  });
});
