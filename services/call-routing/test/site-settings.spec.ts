import { randomUUID } from 'node:crypto';
import type { Role, UserContext } from '@msp/auth';
import { TestEventPublisher } from '@msp/testing';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';
import { openPractice, type Practice } from './fixtures/practice';

const SETTINGS_FIELDS = 'siteId structureId territory workedHolidays dutyRoster remoteQueue bookingMotifId';
const READ = `query($siteId: ID!) { siteCallSettings(siteId: $siteId) { ${SETTINGS_FIELDS} } }`;
const SAVE = `mutation($input: SaveSiteCallSettingsInput!) { saveSiteCallSettings(input: $input) { ${SETTINGS_FIELDS} } }`;
const HOLIDAYS = `query($territory: String!, $year: Int!) { publicHolidays(territory: $territory, year: $year) { id name date } }`;
const SIMULATE = `query($input: SimulateCallInput!) {
  simulateCall(input: $input) { decision { action colleagueId ruleId } }
}`;

interface Settings {
  siteId: string;
  structureId: string;
  territory: string;
  workedHolidays: string[];
  dutyRoster: string[];
  remoteQueue: string | null;
  bookingMotifId: string | null;
}

describe("a site's call settings: holidays, duty roster, phone-booking motif", () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  let paris: Practice;
  let alsace: Practice;
  let reunion: Practice;
  let noumea: Practice;
  let martinique: Practice;

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('site_settings');
    events = await TestEventPublisher.start('call-routing-spec-site-settings');
    [paris, alsace, reunion, noumea, martinique] = await Promise.all([
      openPractice(app, events),
      openPractice(app, events),
      openPractice(app, events, { timeZone: 'Indian/Reunion' }),
      openPractice(app, events, { timeZone: 'Pacific/Noumea' }),
      openPractice(app, events, { timeZone: 'America/Martinique' }),
    ]);
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  const read = async (practice: Practice, user: UserContext = practice.admin) =>
    (await app.ok<{ siteCallSettings: Settings }>(READ, { siteId: practice.siteId }, user)).siteCallSettings;
  const save = async (practice: Practice, input: Record<string, unknown>, user: UserContext = practice.admin) =>
    (await app.ok<{ saveSiteCallSettings: Settings }>(SAVE, { input: { siteId: practice.siteId, ...input } }, user))
      .saveSiteCallSettings;
  const refusal = async (query: string, variables: Record<string, unknown>, user: UserContext) => {
    const result = await app.gql(query, variables, user);
    expect(result.data ?? null).toBeNull();
    return result.errors?.[0];
  };
  const stored = (practice: Practice) =>
    app.sql(`select * from site_call_settings where site_id = $1`, [practice.siteId]);
  const role = (practice: Practice, roles: Role[]): UserContext => ({
    memberId: randomUUID(),
    memberships: [{ structureId: practice.structureId, roles, siteIds: [practice.siteId] }],
  });

  /** A known patient of the site's first practitioner asking for advice at `at`, on the default rulebook. */
  const adviceAt = async (practice: Practice, at: string, practitionerStatus?: string) =>
    (
      await app.ok<{ simulateCall: { decision: { action: string; colleagueId: string | null; ruleId: string } } }>(
        SIMULATE,
        {
          input: {
            siteId: practice.siteId,
            practitionerId: practice.practitioners[0],
            callerKind: 'patient',
            intent: 'advice',
            at,
            practitionerStatus,
          },
        },
        practice.admin,
      )
    ).simulateCall.decision;

  describe('before anything is saved', () => {
    it.each([
      ['Europe/Paris', 'mainland', () => paris],
      ['Indian/Reunion', 'reunion', () => reunion],
      ['Pacific/Noumea', 'nouvelle-caledonie', () => noumea],
      ['America/Martinique', 'martinique', () => martinique],
    ])('a site in %s follows the holidays of %s by default', async (_zone, territory, practice) => {
      expect(await read(practice())).toEqual({
        siteId: practice().siteId,
        structureId: practice().structureId,
        territory,
        workedHolidays: [],
        dutyRoster: [],
        remoteQueue: null,
        bookingMotifId: null,
      });
      expect(await stored(practice())).toEqual([]);
    });
  });

  describe('saving', () => {
    it('keeps the territory, the worked holidays, the duty roster and the booking motif, and reads them back', async () => {
      const motifId = randomUUID();
      const [, second, third] = alsace.practitioners;
      const saved = await save(alsace, {
        territory: 'alsace-moselle',
        workedHolidays: ['whit-monday', 'st-stephen'],
        dutyRoster: [third, second],
        bookingMotifId: motifId,
        remoteQueue: 'Secrétariat Est',
      });
      const expected: Settings = {
        siteId: alsace.siteId,
        structureId: alsace.structureId,
        territory: 'alsace-moselle',
        workedHolidays: ['whit-monday', 'st-stephen'],
        dutyRoster: [third, second],
        remoteQueue: 'Secrétariat Est',
        bookingMotifId: motifId,
      };
      expect(saved).toEqual(expected);
      expect(await read(alsace, role(alsace, ['secretary']))).toEqual(expected);

      // A later save of one field keeps the others.
      const otherMotif = randomUUID();
      expect(await save(alsace, { bookingMotifId: otherMotif })).toEqual({ ...expected, bookingMotifId: otherMotif });
    });

    it('closes an Alsace-Moselle site on Good Friday (26 March 2027) while a mainland site stays open', async () => {
      const goodFriday10h = '2027-03-26T09:00:00Z';
      expect(await adviceAt(alsace, goodFriday10h)).toMatchObject({ action: 'give_information', ruleId: 'ferie' });
      expect(await adviceAt(paris, goodFriday10h)).toMatchObject({ action: 'take_message', ruleId: 'message' });
    });

    it("forwards an absent practitioner's medical questions to the first colleague of the roster", async () => {
      const tuesday10h = '2027-03-02T09:00:00Z';
      const [, second, third] = alsace.practitioners;
      expect(await adviceAt(alsace, tuesday10h, 'absent')).toEqual({
        action: 'forward_on_duty',
        colleagueId: third,
        ruleId: 'absent-garde',
      });
      await save(alsace, { dutyRoster: [second] });
      expect(await adviceAt(alsace, tuesday10h, 'absent')).toMatchObject({ colleagueId: second });
    });
  });

  describe('refusals name the field and change nothing', () => {
    let before: unknown[];

    beforeAll(async () => {
      await save(paris, { workedHolidays: ['ascension'], dutyRoster: [paris.practitioners[1]] });
      before = await stored(paris);
    });

    afterEach(async () => {
      expect(await stored(paris)).toEqual(before);
    });

    it('an unknown territory', async () => {
      const error = await refusal(SAVE, { input: { siteId: paris.siteId, territory: 'bretagne' } }, paris.admin);
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territory' });
      expect(error?.message).toContain('"bretagne" is not a holiday territory');
    });

    it("another territory's holiday: the abolition of slavery is no mainland holiday", async () => {
      const error = await refusal(
        SAVE,
        { input: { siteId: paris.siteId, workedHolidays: ['abolition-of-slavery'] } },
        paris.admin,
      );
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.workedHolidays[0]' });
      expect(error?.message).toContain('is not a public holiday of mainland');
    });

    it('an unknown holiday id, at its index', async () => {
      const error = await refusal(
        SAVE,
        { input: { siteId: paris.siteId, workedHolidays: ['whit-monday', 'lundi-de-pentecote'] } },
        paris.admin,
      );
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.workedHolidays[1]' });
    });

    it('a duty colleague who is not a member of the structure: NOT_FOUND at their index', async () => {
      for (const outsider of [randomUUID(), alsace.practitioners[0]]) {
        const error = await refusal(
          SAVE,
          { input: { siteId: paris.siteId, dutyRoster: [outsider, paris.practitioners[2]] } },
          paris.admin,
        );
        expect(error?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.dutyRoster[0]' });
      }
    });

    it('a duty colleague that is no id', async () => {
      const error = await refusal(
        SAVE,
        { input: { siteId: paris.siteId, dutyRoster: [paris.practitioners[0], 'dr-martin'] } },
        paris.admin,
      );
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dutyRoster[1]' });
    });

    it('a secretary or a practitioner saving (FORBIDDEN): administrators and coordinators only', async () => {
      for (const user of [role(paris, ['secretary']), paris.practitioner(paris.practitioners[0])]) {
        const error = await refusal(SAVE, { input: { siteId: paris.siteId, territory: 'guyane' } }, user);
        expect(error?.extensions?.code).toBe('FORBIDDEN');
      }
    });

    it('a member of another structure: NOT_FOUND for reading and saving, exactly as for a missing site', async () => {
      const stranger = reunion.admin;
      for (const [query, variables] of [
        [READ, (siteId: string) => ({ siteId })],
        [SAVE, (siteId: string) => ({ input: { siteId, territory: 'reunion' } })],
      ] as const) {
        const seen = await refusal(query, variables(paris.siteId), stranger);
        const missing = await refusal(query, variables(randomUUID()), stranger);
        expect(seen?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.siteId' });
        expect(seen).toEqual(missing);
      }
    });
  });

  describe('the public holidays of a territory, for choosing the worked ones', () => {
    const holidays = async (territory: string, year: number) =>
      (
        await app.ok<{ publicHolidays: Array<{ id: string; name: string; date: string }> }>(
          HOLIDAYS,
          { territory, year },
          paris.admin,
        )
      ).publicHolidays;

    it('lists mainland 2027 in date order, Easter-based days included', async () => {
      expect((await holidays('mainland', 2027)).map(({ id, date }) => `${date} ${id}`)).toEqual([
        '2027-01-01 new-year',
        '2027-03-29 easter-monday',
        '2027-05-01 labour-day',
        '2027-05-06 ascension',
        '2027-05-08 victory-1945',
        '2027-05-17 whit-monday',
        '2027-07-14 bastille-day',
        '2027-08-15 assumption',
        '2027-11-01 all-saints',
        '2027-11-11 armistice',
        '2027-12-25 christmas',
      ]);
      expect(await holidays('mainland', 2027)).toContainEqual({
        id: 'whit-monday',
        name: 'Lundi de Pentecôte',
        date: '2027-05-17',
      });
    });

    it('adds Good Friday and St Stephen in Alsace-Moselle, and the abolition day overseas', async () => {
      const alsaceDays = await holidays('alsace-moselle', 2027);
      expect(alsaceDays).toContainEqual({ id: 'good-friday', name: 'Vendredi saint', date: '2027-03-26' });
      expect(alsaceDays).toContainEqual({ id: 'st-stephen', name: 'Saint-Étienne', date: '2027-12-26' });
      expect(await holidays('reunion', 2027)).toContainEqual({
        id: 'abolition-of-slavery',
        name: 'Abolition de l’esclavage',
        date: '2027-12-20',
      });
      expect(await holidays('martinique', 2027)).toContainEqual(
        expect.objectContaining({ id: 'abolition-of-slavery', date: '2027-05-22' }),
      );
      expect((await holidays('mainland', 2027)).map((h) => h.id)).not.toContain('abolition-of-slavery');
    });

    it('refuses an unknown territory or an absurd year, naming the argument', async () => {
      expect((await refusal(HOLIDAYS, { territory: 'bretagne', year: 2027 }, paris.admin))?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'territory',
      });
      expect((await refusal(HOLIDAYS, { territory: 'mainland', year: 1600 }, paris.admin))?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'year',
      });
    });
  });
});
