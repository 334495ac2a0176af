import { randomUUID } from 'node:crypto';
import { Clock } from '@msp/service-kit';
import { TestEventPublisher } from '@msp/testing';
import type { Rule } from '../src/domain/rulebook/rulebook';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';
import { openPractice, type Practice } from './fixtures/practice';

const SIMULATE = `query($input: SimulateCallInput!) {
  simulateCall(input: $input) {
    intent urgent
    decision {
      action colleagueId ruleId scope version practitionerStatus explanation
      trace { scope version ruleId label matched checks { condition holds reason } }
    }
  }
}`;
const PUBLISH = `mutation($input: PublishRulebookInput!) { publishRulebook(input: $input) { version } }`;
const CURRENT = `query($input: RulebookScopeInput!) { rulebook(input: $input) { version isDefault } }`;
const SAVE_SETTINGS = `mutation($input: SaveSiteCallSettingsInput!) { saveSiteCallSettings(input: $input) { workedHolidays } }`;

interface Simulation {
  intent: string;
  urgent: boolean;
  decision: {
    action: string;
    colleagueId: string | null;
    ruleId: string | null;
    scope: string | null;
    version: number | null;
    practitionerStatus: string | null;
    explanation: string;
    trace: Array<{
      scope: string;
      version: number;
      ruleId: string;
      label: string;
      matched: boolean;
      checks: Array<{ condition: string; holds: boolean; reason: string }>;
    }>;
  };
}

const URGENCES: Rule = {
  id: 'urgences',
  label: 'Urgences vers le 15',
  when: { urgent: true },
  then: { type: 'redirect_15' },
};
const MESSAGE: Rule = { id: 'message', label: 'Tout autre appel : message', when: {}, then: { type: 'take_message' } };
const doc = (rules: Rule[]) => JSON.stringify({ rules });

/** Tuesday 2 March 2027, 10:00 in Paris: an ordinary open morning. */
const TUESDAY_10H_PARIS = '2027-03-02T09:00:00Z';

describe('the call simulator', () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  /** Runs on the default rulebook all along. */
  let paris: Practice;
  /** Has published its own rulebook. */
  let custom: Practice;
  let worksWhitMonday: Practice;
  let reunion: Practice;
  let martinique: Practice;
  let noumea: Practice;

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('simulator');
    events = await TestEventPublisher.start('call-routing-spec-simulator');
    [paris, custom, worksWhitMonday, reunion, martinique, noumea] = await Promise.all([
      openPractice(app, events),
      openPractice(app, events),
      openPractice(app, events),
      openPractice(app, events, { timeZone: 'Indian/Reunion' }),
      openPractice(app, events, { timeZone: 'America/Martinique' }),
      openPractice(app, events, { timeZone: 'Pacific/Noumea' }),
    ]);
    // "Now" for a simulation without `at`, and the publication time.
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(TUESDAY_10H_PARIS));
    await app.ok(
      PUBLISH,
      {
        input: {
          structureId: custom.structureId,
          siteId: custom.siteId,
          document: doc([
            URGENCES,
            {
              id: 'rendez-vous',
              label: 'Rendez-vous en libre-service',
              when: { intents: ['book', 'move', 'cancel'] },
              then: { type: 'self_service' },
            },
            {
              id: 'conseil-consultation',
              label: 'Conseil pendant une consultation : secrétariat',
              when: { intents: ['advice'], practitionerStatus: ['in_consultation'] },
              then: { type: 'transfer_secretary' },
            },
            MESSAGE,
          ]),
        },
      },
      custom.admin,
    );
    await app.ok(
      SAVE_SETTINGS,
      { input: { siteId: worksWhitMonday.siteId, workedHolidays: ['whit-monday'] } },
      worksWhitMonday.admin,
    );
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  async function simulate(practice: Practice, input: Record<string, unknown>): Promise<Simulation> {
    const data = await app.ok<{ simulateCall: Simulation }>(
      SIMULATE,
      {
        input: {
          siteId: practice.siteId,
          practitionerId: practice.practitioners[0],
          callerKind: 'patient',
          ...input,
        },
      },
      practice.practitioner(practice.practitioners[0]),
    );
    return data.simulateCall;
  }

  /** A known patient asking for medical advice at `at` (an instant in UTC), on the site's rulebook. */
  const adviceAt = (practice: Practice, at: string) => simulate(practice, { intent: 'advice', at });

  describe('explains its decision', () => {
    it('names the action and the rule, « because rule N », and traces every rule tried with its checks', async () => {
      const { decision } = await simulate(custom, {
        intent: 'advice',
        practitionerStatus: 'in_consultation',
        at: TUESDAY_10H_PARIS,
      });
      expect(decision).toMatchObject({
        action: 'transfer_secretary',
        ruleId: 'conseil-consultation',
        scope: 'site',
        version: 1,
        practitionerStatus: 'in_consultation',
      });
      expect(decision.explanation).toBe(
        'Règle 3 « Conseil pendant une consultation : secrétariat » (cabinet, v1) : ' +
          'motif conseil médical, praticien en consultation',
      );
      expect(decision.trace).toEqual([
        {
          scope: 'site',
          version: 1,
          ruleId: 'urgences',
          label: 'Urgences vers le 15',
          matched: false,
          checks: [{ condition: 'urgent', holds: false, reason: 'appel non urgent' }],
        },
        {
          scope: 'site',
          version: 1,
          ruleId: 'rendez-vous',
          label: 'Rendez-vous en libre-service',
          matched: false,
          checks: [
            {
              condition: 'intents',
              holds: false,
              reason:
                'motif conseil médical, la règle vise : prise de rendez-vous, déplacement de rendez-vous, annulation de rendez-vous',
            },
          ],
        },
        {
          scope: 'site',
          version: 1,
          ruleId: 'conseil-consultation',
          label: 'Conseil pendant une consultation : secrétariat',
          matched: true,
          checks: [
            { condition: 'intents', holds: true, reason: 'motif conseil médical' },
            { condition: 'practitionerStatus', holds: true, reason: 'praticien en consultation' },
          ],
        },
      ]);
    });

    it('goes on to the next rule when the practitioner is free, and says why the skipped rule did not apply', async () => {
      const { decision } = await simulate(custom, { intent: 'advice', at: TUESDAY_10H_PARIS });
      expect(decision).toMatchObject({ action: 'take_message', ruleId: 'message', practitionerStatus: 'free' });
      expect(decision.explanation).toMatch(/^Règle 4 « Tout autre appel : message » \(cabinet, v1\)/);
      expect(decision.trace.find((t) => t.ruleId === 'conseil-consultation')?.checks).toContainEqual({
        condition: 'practitionerStatus',
        holds: false,
        reason: 'praticien disponible, la règle vise : en consultation',
      });
    });

    it('classifies what the caller says as a real call would: urgency words go to the 15', async () => {
      const booking = await simulate(custom, { transcript: 'bonjour je voudrais prendre rendez-vous' });
      expect(booking).toMatchObject({ intent: 'book', urgent: false, decision: { ruleId: 'rendez-vous' } });
      const urgent = await simulate(custom, {
        transcript: 'je voudrais un rendez-vous, mon père a une douleur thoracique',
      });
      expect(urgent).toMatchObject({
        urgent: true,
        decision: { action: 'redirect_15', ruleId: 'urgences' },
      });
      expect(urgent.decision.explanation).toMatch(/^Règle 1 « Urgences vers le 15 »/);
    });

    it('simulates "now" when no instant is given', async () => {
      const { decision } = await simulate(paris, { intent: 'advice' });
      const window = decision.trace.find((t) => t.ruleId === 'ferme-avant-ouverture')?.checks[0];
      expect(window).toEqual({ condition: 'window', holds: false, reason: '10:00 hors de 00:00–08:00' });
    });
  });

  it('tries a draft rulebook without publishing it', async () => {
    const draft = doc([
      URGENCES,
      { id: 'tout-au-secretariat', label: 'Tout au secrétariat', when: {}, then: { type: 'transfer_secretary' } },
    ]);
    const { decision } = await simulate(paris, {
      intent: 'advice',
      at: TUESDAY_10H_PARIS,
      draftRulebook: draft,
      draftScope: 'site',
    });
    expect(decision).toMatchObject({
      action: 'transfer_secretary',
      ruleId: 'tout-au-secretariat',
      scope: 'site',
      version: 1,
    });

    const { rulebook } = await app.ok<{ rulebook: { version: number | null; isDefault: boolean } }>(
      CURRENT,
      { input: { structureId: paris.structureId, siteId: paris.siteId } },
      paris.admin,
    );
    expect(rulebook).toEqual({ version: null, isDefault: true });
    expect(await app.sql(`select 1 from rulebook_version where scope_id = $1`, [paris.siteId])).toEqual([]);
    // With a practitioner and no scope, the draft is that practitioner's rulebook, tried before the site's.
    const asPractitioner = await simulate(paris, { intent: 'advice', at: TUESDAY_10H_PARIS, draftRulebook: draft });
    expect(asPractitioner.decision).toMatchObject({ ruleId: 'tout-au-secretariat', scope: 'practitioner', version: 1 });
    expect(asPractitioner.decision.trace.map((t) => t.scope)).toEqual(['practitioner', 'practitioner']);
    expect(await app.sql(`select 1 from rulebook_version where scope_id = $1`, [paris.practitioners[0]])).toEqual([]);

    const published = await simulate(paris, { intent: 'advice', at: TUESDAY_10H_PARIS });
    expect(published.decision).toMatchObject({ ruleId: 'message', version: 0 });
  });

  it('refuses a bad draft naming the field inside it', async () => {
    const result = await app.gql(
      SIMULATE,
      {
        input: {
          siteId: paris.siteId,
          callerKind: 'patient',
          intent: 'advice',
          draftRulebook: doc([MESSAGE]),
        },
      },
      paris.admin,
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.draftRulebook.rules',
    });
  });

  it('answers NOT_FOUND to a member of another structure, as for a site that does not exist', async () => {
    const ask = async (siteId: string) =>
      (await app.gql(SIMULATE, { input: { siteId, callerKind: 'patient', intent: 'advice' } }, custom.admin))
        .errors?.[0];
    const seen = await ask(paris.siteId);
    const missing = await ask(randomUUID());
    expect(seen?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.siteId' });
    expect(seen).toEqual(missing);
  });

  describe('time windows of the default rulebook (a known patient asking for advice)', () => {
    it('is open on an ordinary weekday morning: a message is taken', async () => {
      const { decision } = await adviceAt(paris, '2027-05-13T08:00:00Z');
      expect(decision).toMatchObject({ action: 'take_message', ruleId: 'message' });
    });

    it.each([
      ['14 July 2027 (Fête nationale)', '2027-07-14T08:00:00Z', 'Fête nationale'],
      ['Ascension, 6 May 2027', '2027-05-06T08:00:00Z', 'Ascension'],
      ['Whit Monday, 17 May 2027', '2027-05-17T08:00:00Z', 'Lundi de Pentecôte'],
    ])('is closed on %s at 10:00 in Paris: information by rule « ferie »', async (_day, at, holiday) => {
      const { decision } = await adviceAt(paris, at);
      expect(decision).toMatchObject({ action: 'give_information', ruleId: 'ferie' });
      expect(decision.explanation).toMatch(/^Règle 4 « Jour férié : cabinet fermé »/);
      expect(decision.explanation).toContain(`${holiday}, jour férié`);
    });

    it('is open on Whit Monday once the site lists it among the holidays it works, still closed on Ascension', async () => {
      const whitMonday = await adviceAt(worksWhitMonday, '2027-05-17T08:00:00Z');
      expect(whitMonday.decision).toMatchObject({ action: 'take_message', ruleId: 'message' });
      const ferie = whitMonday.decision.trace.find((t) => t.ruleId === 'ferie');
      expect(ferie?.checks).toEqual([
        {
          condition: 'window',
          holds: false,
          reason: expect.stringContaining('Lundi de Pentecôte, jour férié travaillé par la structure') as string,
        },
      ]);
      const ascension = await adviceAt(worksWhitMonday, '2027-05-06T08:00:00Z');
      expect(ascension.decision).toMatchObject({ action: 'give_information', ruleId: 'ferie' });
    });

    describe('across the change to summer time (Sunday 28 March 2027 in Paris)', () => {
      it.each([
        ['Tuesday 23 March, 07:30 in Paris (UTC+1)', 'ferme-avant-ouverture', '2027-03-23T06:30:00Z'],
        ['Tuesday 23 March, 08:30 in Paris (UTC+1)', 'message', '2027-03-23T07:30:00Z'],
        ['Tuesday 30 March, 07:30 in Paris (UTC+2)', 'ferme-avant-ouverture', '2027-03-30T05:30:00Z'],
        ['Tuesday 30 March, 08:30 in Paris (UTC+2)', 'message', '2027-03-30T06:30:00Z'],
      ])('%s → rule %s (%s)', async (_when, ruleId, at) => {
        const { decision } = await adviceAt(paris, at);
        expect(decision.ruleId).toBe(ruleId);
        expect(decision.action).toBe(ruleId === 'message' ? 'take_message' : 'give_information');
      });

      it('reads the wall clock of the day: 06:30Z is before opening in winter, after it in summer', async () => {
        const winter = await adviceAt(paris, '2027-03-23T06:30:00Z');
        const summer = await adviceAt(paris, '2027-03-30T06:30:00Z');
        const windowReason = (s: Simulation) =>
          s.decision.trace.find((t) => t.ruleId === 'ferme-avant-ouverture')?.checks[0].reason;
        expect(windowReason(winter)).toBe('mardi 07:30 dans lundi–samedi 00:00–08:00');
        expect(windowReason(summer)).toBe('08:30 hors de 00:00–08:00');
      });
    });

    describe('overseas', () => {
      it('closes a Réunion site on its abolition day (20 December 2027) while a mainland site is open', async () => {
        const atReunion = await adviceAt(reunion, '2027-12-20T06:00:00Z'); // 10:00 in Réunion (UTC+4)
        expect(atReunion.decision).toMatchObject({ action: 'give_information', ruleId: 'ferie' });
        expect(atReunion.decision.explanation).toContain('lundi 10:00');
        expect(atReunion.decision.explanation).toContain('Abolition de l’esclavage');
        const onMainland = await adviceAt(paris, '2027-12-20T09:00:00Z'); // 10:00 in Paris
        expect(onMainland.decision).toMatchObject({ action: 'take_message', ruleId: 'message' });
      });

      it('closes a Martinique site on its abolition day (22 May 2027) while a mainland site is open', async () => {
        const atMartinique = await adviceAt(martinique, '2027-05-22T14:00:00Z'); // Saturday 10:00 (UTC-4)
        expect(atMartinique.decision).toMatchObject({ action: 'give_information', ruleId: 'ferie' });
        const onMainland = await adviceAt(paris, '2027-05-22T08:00:00Z'); // Saturday 10:00 in Paris
        expect(onMainland.decision).toMatchObject({ action: 'take_message', ruleId: 'message' });
      });

      it("applies Thursday's rule in Nouméa when it is still Wednesday in UTC", async () => {
        await app.ok(
          PUBLISH,
          {
            input: {
              structureId: noumea.structureId,
              siteId: noumea.siteId,
              document: doc([
                URGENCES,
                {
                  id: 'mercredi',
                  label: 'Mercredi : secrétariat',
                  when: { window: { days: ['wed'] } },
                  then: { type: 'transfer_secretary' },
                },
                {
                  id: 'jeudi',
                  label: 'Jeudi : message',
                  when: { window: { days: ['thu'] } },
                  then: { type: 'take_message' },
                },
                {
                  id: 'autres-jours',
                  label: 'Autres jours : renseignements',
                  when: {},
                  then: { type: 'give_information' },
                },
              ]),
            },
          },
          noumea.admin,
        );
        // Wednesday 3 March 2027 22:00 UTC is Thursday 4 March 09:00 in Nouméa (UTC+11).
        const { decision } = await adviceAt(noumea, '2027-03-03T22:00:00Z');
        expect(decision).toMatchObject({ action: 'take_message', ruleId: 'jeudi' });
        expect(decision.trace.find((t) => t.ruleId === 'mercredi')?.checks).toEqual([
          { condition: 'window', holds: false, reason: 'jeudi hors de mercredi' },
        ]);
        // A day earlier, Tuesday 22:00 UTC is Wednesday 09:00 in Nouméa.
        const wednesday = await adviceAt(noumea, '2027-03-02T22:00:00Z');
        expect(wednesday.decision).toMatchObject({ action: 'transfer_secretary', ruleId: 'mercredi' });
      });
    });
  });
});
