import type { Role } from '@msp/auth';
import type { OpeningHours } from '../domain/opening-hours';
import type { Profession } from '../domain/profession';
import type { StructureKind } from '../domain/structure-kind';
import { asciiSlug, FAMILY_NAMES, firstNamesFor } from './french-names';
import { SeededRandom } from './seeded-random';

/*
 * Demo data: an invented CPTS in Ille-et-Vilaine with two MSPs, their sites, teams and patients. Every person, address
 * and number here is made up; e-mail domains end in `.demo`, which no one can receive mail at. Pure and deterministic:
 * the same seed gives the same data on every run, so the documented logins below always exist.
 *
 * Demo logins (`npm run token -- --member <e-mail>`):
 *   admin@msp-lices.demo                 administrator of MSP des Lices (practice manager)
 *   secretariat@msp-lices.demo           secretary, sites Montfort-sur-Meu and Iffendic
 *   accueil.breal@msp-lices.demo         secretary, sites Bréal-sous-Montfort and Iffendic
 *   coordination@msp-lices.demo          coordinator of MSP des Lices
 *   dr.le-gall@msp-lices.demo            general practitioner; also coordinator in the CPTS
 *   dr.moreau@msp-lices.demo             general practitioner (and the other GPs: dr.<family name>@msp-lices.demo)
 *   manon.daniel@msp-lices.demo          medical assistant (referent Dr Le Gall, backup Dr Tanguy)
 *   coordination@cpts-broceliande.demo   administrator and coordinator of the CPTS
 *   admin@msp-paimpont.demo              administrator of the second MSP
 *   secretariat@msp-paimpont.demo        its secretary
 */

export const DEMO_SEED = 35_160;
/** Patients' ages are computed at this date, not today, so that a given seed always yields the same birth dates. */
export const DEMO_REFERENCE_DATE = '2026-01-01';

export interface DemoPerson {
  firstName: string;
  lastName: string;
  email: string;
  profession: Profession;
}

export interface DemoSite {
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
  phoneLines: string[];
  timeZone: string;
  openingHours: OpeningHours[];
}

export interface DemoMember extends DemoPerson {
  rpps: string | null;
  roles: Role[];
  /** Names of sites of the same structure. */
  siteNames: string[];
  /** E-mails of practitioners of the same structure (delegates only). */
  referentEmail?: string;
  backupReferentEmail?: string;
}

export interface DemoPatient {
  firstName: string;
  lastName: string;
  birthDate: string;
  phone: string | null;
  email: string | null;
  consentToReminders: boolean;
  /** E-mail of a general practitioner of the patient's structure. */
  medecinTraitantEmail: string | null;
  passThrough: boolean;
  prefersHuman: boolean;
  /** Affection de longue durée, recorded by the secretary after registration. */
  inAld: boolean;
}

export interface DemoStructure {
  kind: StructureKind;
  name: string;
  /** The first administrator, created with the structure; `roles` beyond administrator are granted right after. */
  administrator: DemoPerson & { roles: Role[] };
  sites: DemoSite[];
  /**
   * In the order they must be added (referents before their delegates). A member of another structure appears again
   * here with the same e-mail: the same person gains a second membership.
   */
  members: DemoMember[];
  patients: DemoPatient[];
  /** E-mail of the secretary who registers the patients. */
  registrarEmail: string | null;
}

export interface DemoDirectory {
  seed: number;
  referenceDate: string;
  cpts: DemoStructure;
  /** Each in the CPTS; the first is the main MSP. */
  msps: DemoStructure[];
  logins: Array<{ email: string; who: string }>;
}

const PARIS = 'Europe/Paris';
const RPPS_PROFESSIONS: readonly Profession[] = [
  'general_practitioner',
  'specialist_physician',
  'midwife',
  'pharmacist',
  'dentist',
];

/** Weekdays 1–5 with the same hours, optionally a lunch break. */
function weekdays(opens: string, closes: string, lunch?: [string, string]): OpeningHours[] {
  return [1, 2, 3, 4, 5].flatMap((weekday) =>
    lunch
      ? [
          { weekday, opens, closes: lunch[0] },
          { weekday, opens: lunch[1], closes },
        ]
      : [{ weekday, opens, closes }],
  );
}

/** The whole demo setup for a seed; same seed, same data. */
export function generateDemoDirectory(seed: number = DEMO_SEED): DemoDirectory {
  const random = new SeededRandom(seed);
  // A sequence of its own: drawing the ALD flags from `random` would change every patient after the first.
  const ald = new SeededRandom(seed + ALD_SEED_OFFSET);
  const reference = new Date(`${DEMO_REFERENCE_DATE}T00:00:00Z`);
  const numbers = new NumberBook(random);
  const rpps = new RppsBook(random);

  const person = (firstName: string, lastName: string, email: string, profession: Profession) => ({
    firstName,
    lastName,
    email,
    profession,
  });
  const member = (
    domain: string,
    firstName: string,
    lastName: string,
    profession: Profession,
    roles: Role[],
    siteNames: string[],
    extra: Partial<DemoMember> = {},
  ): DemoMember => {
    const physician = profession === 'general_practitioner' || profession === 'specialist_physician';
    return {
      firstName,
      lastName,
      email:
        extra.email ??
        (physician
          ? `dr.${asciiSlug(lastName)}@${domain}`
          : `${asciiSlug(firstName)}.${asciiSlug(lastName)}@${domain}`),
      profession,
      rpps: RPPS_PROFESSIONS.includes(profession) ? rpps.next() : null,
      roles,
      siteNames,
      ...extra,
    };
  };

  // ── MSP des Lices: three sites around Montfort-sur-Meu ──────────────────────────────────────────────────────────
  const lices = 'msp-lices.demo';
  const [montfort, breal, iffendic] = ['Montfort-sur-Meu', 'Bréal-sous-Montfort', 'Iffendic'];
  const licesSites: DemoSite[] = [
    {
      name: montfort,
      addressLine: '14 rue des Lices',
      postalCode: '35160',
      city: 'Montfort-sur-Meu',
      phoneLines: ['02 99 09 41 20', '02 99 09 41 21'],
      timeZone: PARIS,
      openingHours: [...weekdays('08:00', '20:00'), { weekday: 6, opens: '08:30', closes: '12:30' }],
    },
    {
      name: breal,
      addressLine: '3 rue de Rennes',
      postalCode: '35310',
      city: 'Bréal-sous-Montfort',
      phoneLines: ['02 99 60 38 50'],
      timeZone: PARIS,
      openingHours: weekdays('08:00', '20:00'),
    },
    {
      name: iffendic,
      addressLine: "2 place de l'Église",
      postalCode: '35750',
      city: 'Iffendic',
      phoneLines: ['02 99 09 77 40'],
      timeZone: PARIS,
      // A small site: lunch break, and closed on Wednesday afternoons.
      openingHours: weekdays('08:30', '19:00', ['12:30', '14:00']).filter(
        (r) => !(r.weekday === 3 && r.opens === '14:00'),
      ),
    },
  ];
  const gp = (first: string, last: string, sites: string[]) =>
    member(lices, first, last, 'general_practitioner', ['practitioner'], sites);
  const licesGps = [
    gp('Yann', 'Le Gall', [montfort, breal]),
    gp('Claire', 'Moreau', [montfort, iffendic]),
    gp('Nicolas', 'Tanguy', [montfort, breal]),
    gp('Sophie', 'Lemaître', [breal, iffendic]),
    gp('Hélène', 'Guillou', [montfort]),
  ];
  const practitioner = (first: string, last: string, profession: Profession, sites: string[]) =>
    member(lices, first, last, profession, ['practitioner'], sites);
  const advancedPracticeNurse = practitioner('Maëlle', 'Jégou', 'advanced_practice_nurse', [montfort, breal]);
  const pharmacist = practitioner('Julien', 'Hamon', 'pharmacist', [montfort]);
  const licesMembers: DemoMember[] = [
    ...licesGps,
    practitioner('Gwenaëlle', 'Riou', 'nurse', [montfort, iffendic]),
    practitioner('Thomas', 'Briand', 'nurse', [breal]),
    advancedPracticeNurse,
    practitioner('Erwan', 'Lucas', 'physiotherapist', [breal]),
    practitioner('Anaïs', 'Perrin', 'midwife', [montfort]),
    pharmacist,
    practitioner('Camille', 'Rolland', 'psychologist', [iffendic, montfort]),
    practitioner('Léa', 'Chevalier', 'dietitian', [montfort]),
    practitioner('Mathis', 'Gautier', 'podiatrist', [iffendic]),
    member(lices, 'Nathalie', 'Lebreton', 'medical_secretary', ['secretary'], [montfort, iffendic], {
      email: `secretariat@${lices}`,
    }),
    member(lices, 'Karine', 'Josse', 'medical_secretary', ['secretary'], [breal, iffendic], {
      email: `accueil.breal@${lices}`,
    }),
    member(lices, 'Manon', 'Daniel', 'medical_assistant', ['medical_assistant'], [montfort, breal], {
      referentEmail: licesGps[0].email,
      backupReferentEmail: licesGps[2].email,
    }),
    member(lices, 'Pauline', 'Bertrand', 'care_coordinator', ['coordinator'], [montfort, breal, iffendic], {
      email: `coordination@${lices}`,
    }),
  ];
  const mainMsp: DemoStructure = {
    kind: 'MSP',
    name: 'MSP des Lices',
    administrator: { ...person('Isabelle', 'Rouxel', `admin@${lices}`, 'practice_manager'), roles: ['administrator'] },
    sites: licesSites,
    members: licesMembers,
    patients: generatePatients(random, ald, numbers, reference, 500, [
      [licesGps[0].email, 26],
      [licesGps[1].email, 24],
      [licesGps[2].email, 22],
      [licesGps[3].email, 18],
      [licesGps[4].email, 10],
    ]),
    registrarEmail: `secretariat@${lices}`,
  };

  // ── A smaller MSP in the same CPTS ────────────────────────────────────────────────────────────────────────────────
  const paimpont = 'msp-paimpont.demo';
  const plelan = 'Plélan-le-Grand';
  const paimpontGps = [
    member(paimpont, 'Ronan', 'Cadiou', 'general_practitioner', ['practitioner'], [plelan]),
    member(paimpont, 'Aurélie', 'Lelièvre', 'general_practitioner', ['practitioner'], [plelan]),
  ];
  const secondMsp: DemoStructure = {
    kind: 'MSP',
    name: 'MSP de la Forêt de Paimpont',
    administrator: {
      ...person('Christophe', 'Morvan', `admin@${paimpont}`, 'practice_manager'),
      roles: ['administrator'],
    },
    sites: [
      {
        name: plelan,
        addressLine: '5 avenue de la Libération',
        postalCode: '35380',
        city: 'Plélan-le-Grand',
        phoneLines: ['02 99 06 82 10'],
        timeZone: PARIS,
        openingHours: weekdays('08:30', '19:30', ['12:30', '13:30']),
      },
    ],
    members: [
      ...paimpontGps,
      member(paimpont, 'Julie', 'Pichon', 'nurse', ['practitioner'], [plelan]),
      member(paimpont, 'Valérie', 'Le Roux', 'medical_secretary', ['secretary'], [plelan], {
        email: `secretariat@${paimpont}`,
      }),
    ],
    patients: generatePatients(random, ald, numbers, reference, 60, [
      [paimpontGps[0].email, 55],
      [paimpontGps[1].email, 45],
    ]),
    registrarEmail: `secretariat@${paimpont}`,
  };

  // ── The CPTS: its coordinator-administrator, and MSP members who also work for it ────────────────────────────
  const inCpts = (m: DemoMember, roles: Role[]): DemoMember => ({
    ...m,
    roles,
    siteNames: [],
    referentEmail: undefined,
    backupReferentEmail: undefined,
  });
  const cpts: DemoStructure = {
    kind: 'CPTS',
    name: 'CPTS du Pays de Brocéliande',
    administrator: {
      ...person('Bénédicte', 'Charpentier', 'coordination@cpts-broceliande.demo', 'care_coordinator'),
      roles: ['administrator', 'coordinator'],
    },
    sites: [],
    members: [
      inCpts(licesGps[0], ['practitioner', 'coordinator']),
      inCpts(pharmacist, ['practitioner']),
      inCpts(advancedPracticeNurse, ['practitioner']),
      inCpts(paimpontGps[0], ['practitioner']),
    ],
    patients: [],
    registrarEmail: null,
  };

  return {
    seed,
    referenceDate: DEMO_REFERENCE_DATE,
    cpts,
    msps: [mainMsp, secondMsp],
    logins: [
      { email: `admin@${lices}`, who: 'administrator, MSP des Lices' },
      { email: `secretariat@${lices}`, who: 'secretary, MSP des Lices' },
      { email: `coordination@${lices}`, who: 'coordinator, MSP des Lices' },
      { email: licesGps[0].email, who: 'GP, MSP des Lices; coordinator in the CPTS' },
      { email: 'manon.daniel@msp-lices.demo', who: 'medical assistant, MSP des Lices' },
      { email: cpts.administrator.email, who: 'administrator and coordinator, CPTS' },
      { email: `admin@${paimpont}`, who: 'administrator, MSP de la Forêt de Paimpont' },
    ],
  };
}

// ── Patients ──────────────────────────────────────────────────────────────────────────────────────────────────────

type Sex = 'F' | 'M';
interface Draft {
  sex: Sex;
  age: number;
  lastName: string;
  phone: string | null;
}

/** Adults of single and couple households: a GP's list leans old (the ≥ 75 matter for ACI indicators). */
const ADULT_AGES: ReadonlyArray<readonly [[number, number], number]> = [
  [[18, 29], 12],
  [[30, 44], 14],
  [[45, 59], 20],
  [[60, 74], 26],
  [[75, 84], 18],
  [[85, 97], 10],
];
const MAIL_DOMAINS = ['courriel.demo', 'messagerie.demo', 'boite.demo'];
const ALD_SEED_OFFSET = 0x41d;
/**
 * Share of patients in ALD by age, roughly as in France (about one person in six overall, over 40 % after 75), so that
 * about a fifth of the adults are in ALD and coordination's concertation demo has eligible patients under 75 too.
 */
const ALD_SHARE: ReadonlyArray<readonly [number, number]> = [
  [18, 0.02],
  [45, 0.05],
  [60, 0.14],
  [75, 0.25],
  [Infinity, 0.45],
];
const aldShare = (age: number) => (ALD_SHARE.find(([below]) => age < below) ?? ALD_SHARE[ALD_SHARE.length - 1])[1];

/** `count` patients in households (singles, couples, families), whose members share a name, a GP and sometimes a phone. */
function generatePatients(
  random: SeededRandom,
  ald: SeededRandom,
  numbers: NumberBook,
  reference: Date,
  count: number,
  gps: ReadonlyArray<readonly [string, number]>,
): DemoPatient[] {
  const patients: DemoPatient[] = [];
  const emails = new Set<string>();
  const adultAge = () => {
    const [min, max] = random.weighted(ADULT_AGES);
    return random.int(min, max);
  };
  const mobileOrLandline = (age: number): string | null => {
    if (age >= 80 && random.chance(0.35)) return numbers.landline();
    return random.chance(0.97) ? numbers.mobile() : null;
  };

  while (patients.length < count) {
    const kind = random.weighted([
      ['single', 50],
      ['couple', 30],
      ['family', 20],
    ] as const);
    const household: Draft[] = [];
    const familyName = random.pick(FAMILY_NAMES);
    if (kind === 'single') {
      const age = adultAge();
      household.push({ sex: random.chance(0.55) ? 'F' : 'M', age, lastName: familyName, phone: mobileOrLandline(age) });
    } else if (kind === 'couple') {
      const age = adultAge();
      const partnerAge = Math.max(18, Math.min(99, age + random.int(-6, 6)));
      // Older couples often keep one landline between them.
      const shared = age >= 75 && partnerAge >= 75 && random.chance(0.5) ? numbers.landline() : null;
      household.push({
        sex: 'F',
        age,
        lastName: random.chance(0.75) ? familyName : random.pick(FAMILY_NAMES),
        phone: shared ?? mobileOrLandline(age),
      });
      household.push({
        sex: 'M',
        age: partnerAge,
        lastName: familyName,
        phone: shared ?? mobileOrLandline(partnerAge),
      });
    } else {
      const childCount = random.weighted([
        [1, 50],
        [2, 35],
        [3, 15],
      ] as const);
      const children = Array.from({ length: childCount }, () => random.int(0, 17)).sort((a, b) => b - a);
      const parentAge = Math.min(55, children[0] + random.int(22, 34));
      const parents = random.chance(0.7) ? 2 : 1;
      for (let p = 0; p < parents; p++) {
        const sex: Sex = parents === 2 ? (p === 0 ? 'F' : 'M') : random.chance(0.7) ? 'F' : 'M';
        const age = Math.max(18, parentAge + random.int(-3, 3));
        household.push({ sex, age, lastName: familyName, phone: numbers.mobile() });
      }
      const parentPhone = household[0].phone;
      for (const age of children) {
        // Young children are reached on a parent's mobile (the shared family numbers); most teenagers have their own.
        const phone = age >= 12 && random.chance(0.75) ? numbers.mobile() : parentPhone;
        household.push({ sex: random.chance(0.5) ? 'F' : 'M', age, lastName: familyName, phone });
      }
    }

    const householdGp = random.weighted(gps);
    for (const draft of household) {
      if (patients.length >= count) break;
      const birthDate = birthDateFor(random, reference, draft.age);
      const firstName = random.pick(firstNamesFor(Number(birthDate.slice(0, 4)), draft.sex));
      const email =
        draft.age >= 18 && random.chance(draft.age < 40 ? 0.5 : draft.age < 70 ? 0.35 : 0.1)
          ? uniqueEmail(random, emails, firstName, draft.lastName)
          : null;
      const gpRoll = random.next();
      const medecinTraitantEmail =
        gpRoll < (draft.age < 16 ? 0.8 : 0.9)
          ? householdGp
          : gpRoll < (draft.age < 16 ? 0.85 : 0.95)
            ? random.weighted(gps)
            : null;
      const reachable = Boolean(draft.phone || email);
      patients.push({
        firstName,
        lastName: draft.lastName,
        birthDate,
        phone: draft.phone,
        email,
        consentToReminders: reachable && random.chance(0.88),
        medecinTraitantEmail,
        passThrough: random.chance(draft.age >= 60 ? 0.03 : 0.005),
        prefersHuman: random.chance(draft.age >= 85 ? 0.3 : draft.age >= 75 ? 0.12 : 0.02),
        inAld: ald.chance(aldShare(draft.age)),
      });
    }
  }
  return patients;
}

/** A birth date making the patient exactly `age` years old on the reference date. */
function birthDateFor(random: SeededRandom, reference: Date, age: number): string {
  const anniversary = Date.UTC(reference.getUTCFullYear() - age, reference.getUTCMonth(), reference.getUTCDate());
  return new Date(anniversary - random.int(0, 364) * 86_400_000).toISOString().slice(0, 10);
}

function uniqueEmail(random: SeededRandom, taken: Set<string>, firstName: string, lastName: string): string {
  const domain = random.pick(MAIL_DOMAINS);
  const base = random.chance(0.7)
    ? `${asciiSlug(firstName)}.${asciiSlug(lastName)}`
    : `${asciiSlug(firstName)[0]}${asciiSlug(lastName).replace(/-/g, '')}`;
  let email = `${base}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${base}${n}@${domain}`;
  taken.add(email);
  return email;
}

/** Unique French numbers in national format: metropolitan mobiles (06/07) and Ille-et-Vilaine landlines (02 99). */
class NumberBook {
  private readonly used = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  mobile(): string {
    // 06 and 07 ranges of metropolitan operators; 0639 and 069x belong to overseas departments, 070–074 are not mobiles.
    return this.unique(() =>
      this.random.chance(0.7) ? `06${this.random.pick([...'01245678'])}` : `07${this.random.pick([...'5678'])}`,
    );
  }

  landline(): string {
    return this.unique(() => `0299${this.random.int(1, 9)}`);
  }

  private unique(prefix: () => string): string {
    for (;;) {
      const digits = `${prefix()}${this.random.digits(10)}`.slice(0, 10);
      if (this.used.has(digits)) continue;
      this.used.add(digits);
      return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
    }
  }
}

/** Unique RPPS numbers: "10" followed by 8 digits and the Luhn check digit, like real ones, but invented. */
class RppsBook {
  private readonly used = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  next(): string {
    for (;;) {
      const rpps = withLuhnCheckDigit(`10${this.random.digits(8)}`);
      if (this.used.has(rpps)) continue;
      this.used.add(rpps);
      return rpps;
    }
  }
}

export function withLuhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // Counting from the right of the final number, the check digit is position 0, so the body's last digit is doubled.
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}
