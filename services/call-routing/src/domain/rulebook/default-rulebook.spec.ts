import type { SiteCalendar } from '../calendar/site-calendar';
import { decide } from './decide';
import type { CallFacts, Decision, VersionedRulebook } from './decision.types';
import { DEFAULT_SITE_RULEBOOK } from './default-rulebook';
import {
  ACTION_TYPES,
  CALLER_KINDS,
  type Intent,
  INTENTS,
  PRACTITIONER_STATUSES,
  type PractitionerStatus,
} from './rulebook';
import { validateRulebook } from './validate-rulebook';

const DOCTOR = 'b0000000-0000-4000-8000-000000000001';
const ON_DUTY = 'b0000000-0000-4000-8000-000000000002';
const CALENDAR: SiteCalendar = {
  timeZone: 'Europe/Paris',
  territory: 'mainland',
  workedHolidays: [],
  dutyRoster: [ON_DUTY],
};
const DEFAULT: VersionedRulebook = {
  scope: { kind: 'site', siteId: 's1' },
  version: 1,
  rules: DEFAULT_SITE_RULEBOOK.rules,
};

/** Moments of 2027 in Paris, open and closed. */
const OPEN = {
  'mardi 09:12': new Date('2027-03-16T08:12:00Z'),
  'samedi 10:00': new Date('2027-03-20T09:00:00Z'),
};
const CLOSED = {
  'lundi 06:30': new Date('2027-03-15T05:30:00Z'),
  'mardi 22:00': new Date('2027-03-16T21:00:00Z'),
  'samedi 15:00': new Date('2027-03-20T14:00:00Z'),
  'dimanche 10:00': new Date('2027-03-21T09:00:00Z'),
  '14 juillet 10:00': new Date('2027-07-14T08:00:00Z'),
};
const WHIT_MONDAY = new Date('2027-05-17T08:00:00Z');

const PATIENT: CallFacts = {
  callerKind: 'patient',
  passThrough: false,
  prefersHuman: false,
  intent: 'advice',
  urgent: false,
};

function decideDefault(
  call: Partial<CallFacts>,
  {
    status = 'free',
    now = OPEN['mardi 09:12'],
    calendar = CALENDAR,
  }: { status?: PractitionerStatus; now?: Date; calendar?: SiteCalendar } = {},
): Decision {
  return decide({
    call: { ...PATIENT, ...call },
    practitionerId: DOCTOR,
    rulebooks: [DEFAULT],
    statuses: { [DOCTOR]: status },
    now,
    calendar,
  });
}

/** Every call the default can meet: caller kind × intent (unknown included) × urgency × status × flags × moment. */
function* everyCall(): Generator<{ call: CallFacts; status: PractitionerStatus; moment: string; now: Date }> {
  for (const [moment, now] of Object.entries({ ...OPEN, ...CLOSED }))
    for (const callerKind of CALLER_KINDS)
      for (const intent of [...INTENTS, null] as Array<Intent | null>)
        for (const urgent of [false, true])
          for (const status of PRACTITIONER_STATUSES)
            for (const passThrough of [false, true])
              for (const prefersHuman of [false, true])
                yield { call: { callerKind, intent, urgent, passThrough, prefersHuman }, status, moment, now };
}

describe('DEFAULT_SITE_RULEBOOK', () => {
  it('is valid and draws no warning', () => {
    expect(validateRulebook(DEFAULT_SITE_RULEBOOK)).toEqual({ rulebook: DEFAULT_SITE_RULEBOOK, warnings: [] });
  });

  it('decides every combination of caller, intent, urgency and status by one of its own rules, urgent calls to the 15', () => {
    let decided = 0;
    for (const { call, status, now } of everyCall()) {
      const decision = decideDefault(call, { status, now });

      expect(ACTION_TYPES).toContain(decision.action.type);
      expect(decision.ruleId).not.toBeNull();
      if (call.urgent || call.intent === 'emergency')
        expect(decision).toMatchObject({ action: { type: 'redirect_15' }, ruleId: 'urgences' });
      decided++;
    }
    expect(decided).toBe(7 * 3 * 12 * 2 * 3 * 2 * 2);
  });

  it('never transfers a call to a practitioner who is in consultation or absent', () => {
    for (const { call, status, now } of everyCall()) {
      if (status === 'free') continue;
      expect(decideDefault(call, { status, now }).action.type).not.toBe('transfer_practitioner');
    }
  });

  it('rings nobody while the practice is closed: urgent calls go to the 15, others get self-service or information', () => {
    const closedMoments = new Set(Object.keys(CLOSED));
    for (const { call, status, moment, now } of everyCall()) {
      if (!closedMoments.has(moment)) continue;
      expect(['redirect_15', 'self_service', 'give_information']).toContain(
        decideDefault(call, { status, now }).action.type,
      );
    }
  });

  it.each([
    ['a patient books, at any hour', { intent: 'book' }, {}, 'rendez-vous', { type: 'self_service' }],
    [
      'a patient cancels at night',
      { intent: 'cancel' },
      { now: CLOSED['mardi 22:00'] },
      'rendez-vous',
      { type: 'self_service' },
    ],
    [
      'a patient asks for the address',
      { intent: 'information' },
      {},
      'renseignements',
      { type: 'give_information', topics: ['hours', 'address', 'next_opening'] },
    ],
    [
      'a pass-through patient, practitioner free',
      { passThrough: true },
      {},
      'passage',
      { type: 'transfer_practitioner' },
    ],
    [
      'a pass-through patient, during a consultation',
      { passThrough: true },
      { status: 'in_consultation' },
      'message',
      { type: 'take_message' },
    ],
    [
      'a colleague, practitioner free',
      { callerKind: 'professional', intent: 'other' },
      {},
      'confrere-disponible',
      { type: 'transfer_practitioner' },
    ],
    [
      'a colleague during a consultation',
      { callerKind: 'professional' },
      { status: 'in_consultation' },
      'confrere-message',
      { type: 'take_message' },
    ],
    [
      'the colleague intent from an unknown number',
      { callerKind: 'unknown', intent: 'colleague' },
      {},
      'motif-confrere-disponible',
      { type: 'transfer_practitioner' },
    ],
    [
      'a medical question for an absent practitioner',
      { intent: 'results' },
      { status: 'absent' },
      'absent-garde',
      { type: 'forward_on_duty', colleagueId: ON_DUTY },
    ],
    [
      'a patient preferring a person',
      { prefersHuman: true, intent: 'prescription' },
      { status: 'in_consultation' },
      'prefere-humain',
      { type: 'transfer_secretary' },
    ],
    [
      'a prescription request',
      { intent: 'prescription' },
      { status: 'in_consultation' },
      'message',
      { type: 'take_message' },
    ],
    [
      'advice on 14 July',
      { passThrough: true },
      { now: CLOSED['14 juillet 10:00'] },
      'ferie',
      { type: 'give_information', topics: ['hours', 'next_opening'] },
    ],
    [
      'advice on Sunday',
      {},
      { now: CLOSED['dimanche 10:00'] },
      'ferme-dimanche',
      { type: 'give_information', topics: ['hours', 'next_opening'] },
    ],
    [
      'advice before opening',
      {},
      { now: CLOSED['lundi 06:30'] },
      'ferme-avant-ouverture',
      { type: 'give_information', topics: ['hours', 'next_opening'] },
    ],
    [
      'advice on Saturday afternoon',
      {},
      { now: CLOSED['samedi 15:00'] },
      'ferme-samedi-apres-midi',
      { type: 'give_information', topics: ['hours', 'next_opening'] },
    ],
    [
      'a pass-through patient on Saturday morning',
      { passThrough: true },
      { now: OPEN['samedi 10:00'] },
      'passage',
      { type: 'transfer_practitioner' },
    ],
    [
      'a pass-through patient on Whit Monday',
      { passThrough: true },
      { now: WHIT_MONDAY },
      'ferie',
      { type: 'give_information', topics: ['hours', 'next_opening'] },
    ],
    [
      'a pass-through patient on Whit Monday worked by the structure',
      { passThrough: true },
      { now: WHIT_MONDAY, calendar: { ...CALENDAR, workedHolidays: ['whit-monday'] as string[] } },
      'passage',
      { type: 'transfer_practitioner' },
    ],
  ] as const)('%s', (_, call, context, ruleId, action) => {
    expect(decideDefault(call, context)).toMatchObject({ ruleId, action });
  });

  it('falls through to a message when the colleague on duty is absent too', () => {
    const decision = decide({
      call: { ...PATIENT, intent: 'advice' },
      practitionerId: DOCTOR,
      rulebooks: [DEFAULT],
      statuses: { [DOCTOR]: 'absent', [ON_DUTY]: 'absent' },
      now: OPEN['mardi 09:12'],
      calendar: CALENDAR,
    });

    expect(decision).toMatchObject({ ruleId: 'message', action: { type: 'take_message' } });
  });
});
