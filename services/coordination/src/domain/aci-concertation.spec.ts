import {
  aciConcertation,
  countsForAci,
  patientsToReview,
  populationDate,
  type ConcertationMeeting,
  type GpPopulation,
} from './aci-concertation';

const ZONE = 'Europe/Paris';
const NOW = new Date('2026-11-30T09:00:00Z');

let n = 0;
const meeting = (overrides: Partial<ConcertationMeeting> = {}): ConcertationMeeting => ({
  meetingId: `m${++n}`,
  kind: 'rcp',
  status: 'held',
  startsAt: new Date('2026-03-10T11:30:00Z'),
  pluriprofessional: true,
  minutesClosedAt: new Date('2026-03-10T14:00:00Z'),
  patientIds: [],
  ...overrides,
});

const gp = (memberId: string, eligible: string[], eligibleCount = eligible.length): GpPopulation => ({
  memberId,
  patientCount: eligibleCount * 4,
  eligibleCount,
  eligiblePatientIds: eligible,
});

describe('ACI concertation check (COO-7)', () => {
  it('counts only held RCP and synthesis meetings that met the rule and whose minutes are closed', () => {
    expect(countsForAci(meeting())).toBe(true);
    expect(countsForAci(meeting({ kind: 'synthesis' }))).toBe(true);
    expect(countsForAci(meeting({ kind: 'staff' }))).toBe(false);
    expect(countsForAci(meeting({ pluriprofessional: false }))).toBe(false);
    expect(countsForAci(meeting({ minutesClosedAt: null }))).toBe(false);
    expect(countsForAci(meeting({ status: 'scheduled', pluriprofessional: null, minutesClosedAt: null }))).toBe(false);
  });

  it('counts the meetings of the calendar year in the structure’s zone, against 6', () => {
    const standing = aciConcertation({
      year: 2026,
      timeZone: ZONE,
      now: NOW,
      population: null,
      meetings: [
        meeting(),
        meeting({ kind: 'synthesis' }),
        // 23:30 UTC on 31 December 2025 is already 2026 in Paris.
        meeting({ startsAt: new Date('2025-12-31T23:30:00Z') }),
        // 23:30 UTC on 31 December 2026 is 2027 in Paris.
        meeting({ startsAt: new Date('2026-12-31T23:30:00Z') }),
        meeting({ kind: 'staff' }),
      ],
    });
    expect(standing).toMatchObject({ meetingsCounted: 3, meetingsMissing: 3, shares: null, daysLeft: 31 });
  });

  it('computes each GP’s share of distinct eligible patients reviewed, and the cases missing to reach 5 %', () => {
    const eligibleA = Array.from({ length: 40 }, (_, i) => `a${i}`);
    const eligibleB = Array.from({ length: 20 }, (_, i) => `b${i}`);
    const standing = aciConcertation({
      year: 2026,
      timeZone: ZONE,
      now: NOW,
      population: [gp('gpA', eligibleA), gp('gpB', eligibleB), gp('gpC', [])],
      meetings: [
        // a0 twice and a non-eligible patient: one distinct eligible patient of A; b0 reviewed.
        meeting({ patientIds: ['a0', 'x9', 'b0'] }),
        meeting({ patientIds: ['a0'] }),
        // Not counted: its cases do not count either.
        meeting({ pluriprofessional: false, patientIds: ['a1', 'a2', 'b1'] }),
      ],
    });
    expect(standing.shares).toEqual([
      // 1/40 = 2.5 %; 5 % of 40 = 2 patients: one missing.
      { memberId: 'gpA', eligibleCount: 40, reviewedCount: 1, sharePercent: 2.5, met: false, casesMissing: 1 },
      // 1/20 = 5 %: met.
      { memberId: 'gpB', eligibleCount: 20, reviewedCount: 1, sharePercent: 5, met: true, casesMissing: 0 },
      { memberId: 'gpC', eligibleCount: 0, reviewedCount: 0, sharePercent: null, met: true, casesMissing: 0 },
    ]);
  });

  it('rounds the patients needed up: 5 % of 30 eligible patients is 2 patients', () => {
    const eligible = Array.from({ length: 30 }, (_, i) => `p${i}`);
    const [share] = aciConcertation({
      year: 2026,
      timeZone: ZONE,
      now: NOW,
      population: [gp('gp', eligible)],
      meetings: [meeting({ patientIds: ['p0'] })],
    }).shares!;
    expect(share).toMatchObject({ reviewedCount: 1, sharePercent: 3.33, met: false, casesMissing: 1 });
  });

  it('asks the population as of today, or of 31 December for a year already over; no day left then', () => {
    expect(populationDate(2026, ZONE, NOW)).toBe('2026-11-30');
    expect(populationDate(2025, ZONE, NOW)).toBe('2025-12-31');
    expect(aciConcertation({ year: 2025, timeZone: ZONE, now: NOW, meetings: [], population: null }).daysLeft).toBe(0);
  });

  it('proposes eligible patients not reviewed nor on an agenda, the GP furthest from 5 % first, taking turns', () => {
    const population = [
      gp('gpA', ['a1', 'a2', 'a3']),
      gp(
        'gpB',
        Array.from({ length: 60 }, (_, i) => `b${i}`),
      ),
    ];
    const proposed = patientsToReview(population, new Set(['a1']), new Set(['b0']), 4);
    expect(proposed).toEqual([
      // B needs 3 (5 % of 60), A none left to reach (1 of 3 reviewed): B first.
      { patientId: 'b1', gpId: 'gpB' },
      { patientId: 'a2', gpId: 'gpA' },
      { patientId: 'b10', gpId: 'gpB' },
      { patientId: 'a3', gpId: 'gpA' },
    ]);
  });
});
