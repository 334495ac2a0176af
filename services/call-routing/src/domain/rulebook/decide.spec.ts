import type { SiteCalendar } from '../calendar/site-calendar';
import { decide } from './decide';
import type { CallFacts, DecisionInput, VersionedRulebook } from './decision.types';
import type { Rule } from './rulebook';

const DOCTOR = 'a0000000-0000-4000-8000-000000000001';
const ON_DUTY_1 = 'a0000000-0000-4000-8000-000000000002';
const ON_DUTY_2 = 'a0000000-0000-4000-8000-000000000003';

const CALENDAR: SiteCalendar = {
  timeZone: 'Europe/Paris',
  territory: 'mainland',
  workedHolidays: [],
  dutyRoster: [DOCTOR, ON_DUTY_1, ON_DUTY_2],
};
/** Tuesday 16 March 2027, 09:12 in Paris. */
const TUESDAY_MORNING = new Date('2027-03-16T08:12:00Z');

const EMERGENCIES: Rule = {
  id: 'urgences',
  label: 'Urgences vers le 15',
  when: { urgent: true },
  then: { type: 'redirect_15' },
};
const BOOKING: Rule = {
  id: 'rendez-vous',
  label: 'Rendez-vous en libre-service',
  when: {
    intents: ['book', 'move', 'cancel'],
    callerKinds: ['patient'],
    window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '12:00' },
  },
  then: { type: 'self_service' },
};
const MESSAGE: Rule = { id: 'message', label: 'Prendre un message', when: {}, then: { type: 'take_message' } };

const PATIENT: CallFacts = {
  callerKind: 'patient',
  passThrough: false,
  prefersHuman: false,
  intent: 'book',
  urgent: false,
};

function site(rules: Rule[], version = 4): VersionedRulebook {
  return { scope: { kind: 'site', siteId: 's1' }, version, rules };
}

function input(overrides: Partial<DecisionInput> & { rules?: Rule[] } = {}): DecisionInput {
  const { rules, ...rest } = overrides;
  return {
    call: PATIENT,
    practitionerId: DOCTOR,
    rulebooks: [site(rules ?? [EMERGENCIES, BOOKING, MESSAGE])],
    statuses: {},
    now: TUESDAY_MORNING,
    calendar: CALENDAR,
    ...rest,
  };
}

describe('decide', () => {
  it('lets the first matching rule decide and explains why, condition by condition', () => {
    const decision = decide(input());

    expect(decision).toMatchObject({
      action: { type: 'self_service' },
      ruleId: 'rendez-vous',
      scope: 'site',
      version: 4,
      practitionerStatus: 'free',
    });
    expect(decision.trace.map((rule) => [rule.ruleId, rule.matched])).toEqual([
      ['urgences', false],
      ['rendez-vous', true],
    ]);
    expect(decision.trace[0].checks).toEqual([{ condition: 'urgent', holds: false, reason: 'appel non urgent' }]);
    expect(decision.explanation).toBe(
      'Règle 2 « Rendez-vous en libre-service » (cabinet, v4) : motif prise de rendez-vous, appelant patient connu, ' +
        'mardi 09:12 dans lundi–vendredi 08:00–12:00',
    );
  });

  it('says why each failing condition failed and goes on to the next rule', () => {
    const decision = decide(input({ call: { ...PATIENT, callerKind: 'professional', intent: 'advice' } }));

    expect(decision.ruleId).toBe('message');
    expect(decision.trace[1]).toMatchObject({
      ruleId: 'rendez-vous',
      matched: false,
      checks: [
        { condition: 'intents', holds: false, reason: expect.stringContaining('motif conseil médical, la règle vise') },
        {
          condition: 'callerKinds',
          holds: false,
          reason: 'appelant professionnel de santé, la règle vise : patient connu',
        },
        { condition: 'window', holds: true, reason: expect.stringContaining('mardi 09:12') },
      ],
    });
  });

  it("tries the practitioner's rulebook before the site's", () => {
    const mine: VersionedRulebook = {
      scope: { kind: 'practitioner', practitionerId: DOCTOR },
      version: 2,
      rules: [
        {
          id: 'passage',
          label: 'Mes patients en direct',
          when: { passThrough: true },
          then: { type: 'transfer_practitioner' },
        },
      ],
    };

    const passing = decide(
      input({ call: { ...PATIENT, passThrough: true }, rulebooks: [mine, site([EMERGENCIES, BOOKING])] }),
    );
    const other = decide(input({ rulebooks: [mine, site([EMERGENCIES, BOOKING])] }));

    expect(passing).toMatchObject({
      action: { type: 'transfer_practitioner' },
      ruleId: 'passage',
      scope: 'practitioner',
      version: 2,
    });
    expect(passing.explanation).toMatch(/^Règle 1 « Mes patients en direct » \(praticien, v2\)/);
    expect(other).toMatchObject({ ruleId: 'rendez-vous', scope: 'site' });
    expect(other.trace.map((rule) => rule.scope)).toEqual(['practitioner', 'site', 'site']);
  });

  it('lets urgency words win over an earlier self-service rule', () => {
    const decision = decide(input({ rules: [BOOKING, MESSAGE, EMERGENCIES], call: { ...PATIENT, urgent: true } }));

    expect(decision).toMatchObject({ action: { type: 'redirect_15' }, ruleId: 'urgences' });
    expect(decision.trace.slice(0, 2)).toEqual([
      expect.objectContaining({
        ruleId: 'rendez-vous',
        matched: false,
        checks: [{ condition: 'urgent', holds: false, reason: 'ne traite pas les urgences' }],
      }),
      expect.objectContaining({ ruleId: 'message', matched: false }),
    ]);
  });

  it('treats the emergency intent as urgent and matches it against rules naming the emergency intent', () => {
    const byIntent: Rule = { ...EMERGENCIES, when: { intents: ['emergency'] } };

    const heardUrgency = decide(input({ rules: [byIntent], call: { ...PATIENT, intent: 'advice', urgent: true } }));
    const choseEmergency = decide(input({ rules: [EMERGENCIES], call: { ...PATIENT, intent: 'emergency' } }));

    expect(heardUrgency.action).toEqual({ type: 'redirect_15' });
    expect(choseEmergency).toMatchObject({ action: { type: 'redirect_15' }, ruleId: 'urgences' });
  });

  it('sends an urgent call to the 15 even when no rule handles emergencies, never to a message', () => {
    const decision = decide(input({ rules: [BOOKING, MESSAGE], call: { ...PATIENT, urgent: true } }));

    expect(decision).toMatchObject({ action: { type: 'redirect_15' }, ruleId: null, scope: null, version: null });
    expect(decision.explanation).toContain('15');
  });

  it('takes a message when no rule matches: no call is lost', () => {
    const decision = decide(input({ rules: [EMERGENCIES, BOOKING], call: { ...PATIENT, intent: 'prescription' } }));

    expect(decision).toMatchObject({ action: { type: 'take_message' }, ruleId: null, scope: null, version: null });
    expect(decision.trace).toHaveLength(2);
    expect(decision.explanation).toContain('prise de message');
  });

  it('does not match a rule on intents while the intent is unknown, and says so', () => {
    const decision = decide(input({ call: { ...PATIENT, intent: null } }));

    expect(decision.ruleId).toBe('message');
    expect(decision.trace[1].checks[0]).toEqual({
      condition: 'intents',
      holds: false,
      reason: 'motif pas encore connu',
    });
  });

  it('matches urgent: false only for calls that are not urgent', () => {
    const calm: Rule = {
      id: 'calme',
      label: 'Appels non urgents',
      when: { urgent: false },
      then: { type: 'take_message' },
    };

    expect(decide(input({ rules: [calm, EMERGENCIES] })).ruleId).toBe('calme');
    expect(decide(input({ rules: [calm, EMERGENCIES], call: { ...PATIENT, urgent: true } })).ruleId).toBe('urgences');
  });

  describe('practitioner status', () => {
    const busy: Rule = {
      id: 'occupe',
      label: 'Praticien occupé',
      when: { practitionerStatus: ['in_consultation', 'absent'] },
      then: { type: 'take_message' },
    };
    const free: Rule = {
      id: 'libre',
      label: 'Praticien libre',
      when: { practitionerStatus: ['free'] },
      then: { type: 'transfer_practitioner' },
    };

    it('reads the concerned practitioner status, free when unknown', () => {
      expect(decide(input({ rules: [busy, free], statuses: { [DOCTOR]: 'in_consultation' } }))).toMatchObject({
        ruleId: 'occupe',
        practitionerStatus: 'in_consultation',
      });
      expect(decide(input({ rules: [busy, free], statuses: { [ON_DUTY_1]: 'absent' } }))).toMatchObject({
        ruleId: 'libre',
        practitionerStatus: 'free',
      });
    });

    it('matches no status rule when the call concerns no practitioner', () => {
      const decision = decide(input({ rules: [busy, free], practitionerId: null }));

      expect(decision).toMatchObject({ ruleId: null, practitionerStatus: null });
      expect(decision.trace[1].checks[0]).toMatchObject({
        holds: false,
        reason: expect.stringContaining('aucun praticien concerné'),
      });
    });
  });

  describe('forward to the colleague on duty', () => {
    const absentAdvice: Rule = {
      id: 'garde',
      label: 'Absent : confrère de garde',
      when: { practitionerStatus: ['absent'], intents: ['advice', 'results', 'prescription'] },
      then: { type: 'forward_on_duty' },
    };
    const call = { ...PATIENT, intent: 'advice' as const };

    it('forwards to the first colleague of the roster who is there, skipping the absent one and the practitioner', () => {
      const decision = decide(
        input({
          rules: [EMERGENCIES, absentAdvice, MESSAGE],
          call,
          statuses: { [DOCTOR]: 'absent', [ON_DUTY_1]: 'absent' },
        }),
      );

      expect(decision).toMatchObject({ action: { type: 'forward_on_duty', colleagueId: ON_DUTY_2 }, ruleId: 'garde' });
      expect(decision.trace[1].checks.at(-1)).toEqual({
        condition: 'onDuty',
        holds: true,
        reason: `confrère de garde ${ON_DUTY_2} (absent : ${ON_DUTY_1})`,
      });
    });

    it("uses the rule's own list of colleagues before the roster", () => {
      const own: Rule = { ...absentAdvice, then: { type: 'forward_on_duty', colleagues: [ON_DUTY_2, ON_DUTY_1] } };

      const decision = decide(input({ rules: [own], call, statuses: { [DOCTOR]: 'absent' } }));

      expect(decision.action).toEqual({ type: 'forward_on_duty', colleagueId: ON_DUTY_2 });
    });

    it('tries the next rule when every colleague on duty is absent', () => {
      const decision = decide(
        input({
          rules: [absentAdvice, MESSAGE],
          call,
          statuses: { [DOCTOR]: 'absent', [ON_DUTY_1]: 'absent', [ON_DUTY_2]: 'absent' },
        }),
      );

      expect(decision).toMatchObject({ action: { type: 'take_message' }, ruleId: 'message' });
      expect(decision.trace[0]).toMatchObject({
        ruleId: 'garde',
        matched: false,
        checks: expect.arrayContaining([
          { condition: 'onDuty', holds: false, reason: expect.stringContaining('aucun confrère de garde disponible') },
        ]),
      });
    });
  });

  describe('time windows through the site calendar', () => {
    const holiday: Rule = {
      id: 'ferie',
      label: 'Fermé les jours fériés',
      when: { window: { onHolidays: 'only' } },
      then: { type: 'give_information', topics: ['hours', 'next_opening'] },
    };
    const bastilleDay = new Date('2027-07-14T08:00:00Z');
    const dayAfter = new Date('2027-07-15T08:00:00Z');

    it('matches a holidays-only window on 14 July and not the day after', () => {
      const onHoliday = decide(input({ rules: [holiday, BOOKING, MESSAGE], now: bastilleDay }));
      const after = decide(input({ rules: [holiday, BOOKING, MESSAGE], now: dayAfter }));

      expect(onHoliday).toMatchObject({
        action: { type: 'give_information', topics: ['hours', 'next_opening'] },
        ruleId: 'ferie',
      });
      expect(after.ruleId).toBe('rendez-vous');
    });

    it('does not match an ordinary window on a holiday the structure does not work', () => {
      const decision = decide(input({ rules: [BOOKING, MESSAGE], now: bastilleDay }));

      expect(decision.ruleId).toBe('message');
      expect(decision.trace[0].checks.at(-1)).toMatchObject({
        condition: 'window',
        holds: false,
        reason: expect.stringContaining('férié'),
      });
    });
  });
});
