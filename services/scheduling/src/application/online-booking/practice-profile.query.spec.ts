import { FixedClock } from '../../../test/fixtures/in-memory-ports';
import { DirectoryUnavailableError } from '../ports/directory-unavailable.error';
import type { PatientDirectory, PracticeProfile } from '../ports/patient-directory.port';
import { PROFILE_CACHE_SIZE, PracticeProfileQuery } from './practice-profile.query';

const LICES = '5b0f9d7e-1c2a-4e3b-8f4d-6a7b8c9d0e1f';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const profileOf = (structureId: string, name = 'MSP des Lices'): PracticeProfile => ({
  structureId,
  name,
  sites: [
    {
      siteId: 'a1b2c3d4-0000-4000-8000-000000000001',
      name: 'Montfort-sur-Meu',
      address: '14 rue des Lices, 35160 Montfort-sur-Meu',
      city: 'Montfort-sur-Meu',
      timeZone: 'Europe/Paris',
      phone: '+33299094120',
    },
  ],
  practitioners: [
    {
      memberId: 'a1b2c3d4-0000-4000-8000-000000000002',
      displayName: 'Dr Yann Le Gall',
      profession: 'general_practitioner',
      siteIds: ['a1b2c3d4-0000-4000-8000-000000000001'],
    },
  ],
});

/** The directory's answers, counted; `down` makes it fail as an unreachable directory does. */
class FakeDirectory {
  readonly asked: string[] = [];
  readonly names = new Map<string, string>([[LICES, 'MSP des Lices']]);
  down = false;
  /** Holds every answer until released, to see concurrent requests wait for one call. */
  gate: Promise<void> | null = null;

  async practiceProfile(structureId: string): Promise<PracticeProfile | null> {
    this.asked.push(structureId);
    if (this.gate) await this.gate;
    if (this.down) throw new DirectoryUnavailableError('connect ECONNREFUSED');
    const name = this.names.get(structureId);
    return name ? profileOf(structureId, name) : null;
  }
}

describe("the practice's public profile, read from the directory for the booking page", () => {
  let directory: FakeDirectory;
  let clock: FixedClock;
  let query: PracticeProfileQuery;

  beforeEach(() => {
    directory = new FakeDirectory();
    clock = new FixedClock(new Date('2026-12-01T08:00:00Z'));
    query = new PracticeProfileQuery(directory as unknown as PatientDirectory, clock);
  });

  it('asks the directory once a minute per practice, however many patients open the page', async () => {
    for (let i = 0; i < 50; i++) await expect(query.of(LICES)).resolves.toMatchObject({ name: 'MSP des Lices' });
    clock.set('2026-12-01T08:00:59Z');
    directory.names.set(LICES, 'MSP des Lices (Montfort)');
    await expect(query.of(LICES)).resolves.toMatchObject({ name: 'MSP des Lices' });
    expect(directory.asked).toHaveLength(1);
    clock.set('2026-12-01T08:01:00Z');
    await expect(query.of(LICES)).resolves.toMatchObject({ name: 'MSP des Lices (Montfort)' });
    expect(directory.asked).toHaveLength(2);
  });

  it('makes patients arriving together wait for one call to the directory', async () => {
    let release!: () => void;
    directory.gate = new Promise((resolve) => (release = resolve));
    const crowd = Array.from({ length: 20 }, () => query.of(LICES));
    release();
    const answers = await Promise.all(crowd);
    expect(new Set(answers.map((a) => a.name))).toEqual(new Set(['MSP des Lices']));
    expect(directory.asked).toEqual([LICES]);
  });

  it('answers NOT_FOUND on the structure the directory does not know, and remembers that for a minute too', async () => {
    await expect(query.of(UNKNOWN)).rejects.toMatchObject({
      code: 'SCHEDULING.NOT_FOUND',
      kind: 'not_found',
      field: 'input.structureId',
    });
    await expect(query.of(UNKNOWN)).rejects.toMatchObject({ code: 'SCHEDULING.NOT_FOUND' });
    expect(directory.asked).toEqual([UNKNOWN]);
  });

  it('refuses an id that is not a UUID without asking the directory', async () => {
    await expect(query.of('../team')).rejects.toMatchObject({ code: 'SCHEDULING.INVALID_INPUT', field: 'structureId' });
    expect(directory.asked).toEqual([]);
  });

  it('while the directory is down, serves a profile up to ten minutes old, then says it is unavailable', async () => {
    await query.of(LICES);
    directory.down = true;
    clock.set('2026-12-01T08:09:59Z');
    await expect(query.of(LICES)).resolves.toMatchObject({ name: 'MSP des Lices' });
    clock.set('2026-12-01T08:10:00Z');
    await expect(query.of(LICES)).rejects.toBeInstanceOf(DirectoryUnavailableError);
    directory.down = false;
    await expect(query.of(LICES)).resolves.toMatchObject({ name: 'MSP des Lices' });
  });

  it('says the directory is unavailable when it has never answered for this practice', async () => {
    directory.down = true;
    await expect(query.of(LICES)).rejects.toMatchObject({
      code: 'SCHEDULING.DIRECTORY_UNAVAILABLE',
      kind: 'unavailable',
    });
    // A failure is not remembered: the next patient's page asks again.
    directory.down = false;
    await expect(query.of(LICES)).resolves.toMatchObject({ name: 'MSP des Lices' });
    expect(directory.asked).toEqual([LICES, LICES]);
  });

  it('remembers a bounded number of practices, forgetting the oldest answer first', async () => {
    const ids = Array.from(
      { length: PROFILE_CACHE_SIZE + 1 },
      (_, i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    );
    for (const id of ids) await query.of(id).catch(() => undefined);
    expect(directory.asked).toHaveLength(ids.length);
    // The last one is still known; the first was forgotten and is asked again.
    await query.of(ids[ids.length - 1]).catch(() => undefined);
    expect(directory.asked).toHaveLength(ids.length);
    await query.of(ids[0]).catch(() => undefined);
    expect(directory.asked).toHaveLength(ids.length + 1);
  });
});
