import { randomUUID } from 'node:crypto';
import { expectEventually, TestEventPublisher } from '@msp/testing';
import { IndicatorsTestApp, positionConsumerGroup } from './fixtures/indicators-test-app';
import {
  monthIds,
  newPractice,
  NOVEMBER,
  publishMonth,
  type MonthIds,
  type ScriptedPractice,
} from './fixtures/scripted-month';

const SCORES = `query ($s: ID!, $p: String!, $who: ID) {
  indicatorScores(structureId: $s, period: $p, practitionerId: $who) {
    start end
    activity {
      appointmentsCompleted noShows callsReceived callsWithoutHuman callsTransferred messagesTaken
      callsDuringConsultation consultationsInterrupted interruptionsAvoided delegatedTasksCompleted delegatedMinutes
      meetingsHeld pluriprofessionalMeetingsHeld protocolsAdopted openingMinutes snpSlots
    }
    scores { indicatorCode status level numerator denominator explanation }
  }
}`;
const TIME_FREED = `query ($s: ID!, $w: String!) {
  timeFreed(structureId: $s, week: $w) {
    practitionerId minutesPerPractitionerPerWeek totalMinutes explanation
    terms { code quantity minutesPerUnit minutes parameterStatus }
  }
}`;

interface Scores {
  indicatorScores: {
    start: string;
    end: string;
    activity: Record<string, number>;
    scores: Array<{
      indicatorCode: string;
      status: string;
      level: number | null;
      numerator: number | null;
      denominator: number | null;
    }>;
  };
}
interface TimeFreedRow {
  practitionerId: string;
  minutesPerPractitionerPerWeek: number;
  totalMinutes: number;
  explanation: string[];
  terms: Array<{ code: string; quantity: number; minutesPerUnit: number; minutes: number }>;
}

describe('operational indicators computed from a scripted month of the other services’ events', () => {
  let app: IndicatorsTestApp;
  let events: TestEventPublisher;
  let practice: ScriptedPractice;
  let ids: MonthIds;
  let rebuildGroup: string;

  const scores = (who?: string, period = '2026-11', target = app) =>
    target.ok<Scores>(SCORES, { s: practice.structureId, p: period, who }, practice.coordinator);
  const levels = (result: Scores) =>
    Object.fromEntries(result.indicatorScores.scores.map((s) => [s.indicatorCode, s.level]));

  beforeAll(async () => {
    app = await IndicatorsTestApp.start('indicators_operational');
    // Positioned before the month is published: a later service on this group re-reads the whole stream (a rebuild).
    rebuildGroup = await positionConsumerGroup();
    events = await TestEventPublisher.start('indicators-spec-operational');
    practice = newPractice();
    ids = monthIds();
    await publishMonth(events, practice, ids);
    await expectEventually(async () => expect((await scores()).indicatorScores.activity).toEqual(NOVEMBER), 60_000);
  }, 120_000);

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  it('counts each operational figure of the month as computed by hand, each fact in its site’s zone', async () => {
    const result = await scores();
    expect(result.indicatorScores).toMatchObject({ start: '2026-11-01', end: '2026-11-30', activity: NOVEMBER });
    // Medical time freed: (41 × 1 + 3 × 5 + 2 × 2) min over 30/7 weeks and 2 GPs = 60 / (30/7) / 2 = 7 min a week.
    expect(levels(result)).toEqual({
      'OPS-NO-SHOW-RATE': 22.2222, // 2 / 9, as score() rounds a rate (4 digits)
      'OPS-CALLS-WITHOUT-HUMAN': 50,
      'OPS-CONSULTATIONS-INTERRUPTED': 14.2857, // 1 / 7
      'OPS-INTERRUPTIONS-AVOIDED': 2,
      'OPS-DELEGATED-TIME-FREED': 41,
      'OPS-MEDICAL-TIME-FREED': 7,
      'OPS-PLURIPRO-MEETINGS': 2,
      'OPS-PROTOCOLS-ADOPTED': 2,
      'OPS-OPENING-AMPLITUDE': 1694, // 7,260 minutes open over 30/7 weeks
      'OPS-SNP-CAPACITY': 145,
      // The ACI's: the same two protocols, in force in November; no case reviewed and nobody eligible (no share).
      'ACI-A2-PROTOCOLES': 2,
      'ACI-A2-CONCERTATION': null,
    });
    const noShow = result.indicatorScores.scores.find((s) => s.indicatorCode === 'OPS-NO-SHOW-RATE');
    expect(noShow).toMatchObject({ numerator: 2, denominator: 9, status: 'incomplete' });
  });

  it('gives a practitioner’s own figures, without the structure’s meetings and protocols', async () => {
    const result = await scores(practice.gpA);
    expect(result.indicatorScores.activity).toMatchObject({
      appointmentsCompleted: 4,
      noShows: 1,
      callsReceived: 4,
      callsWithoutHuman: 2,
      interruptionsAvoided: 2,
      consultationsInterrupted: 1,
      delegatedMinutes: 36,
      snpSlots: 88,
    });
    const codes = result.indicatorScores.scores.map((s) => s.indicatorCode);
    expect(codes).not.toContain('OPS-PLURIPRO-MEETINGS');
    expect(codes).not.toContain('OPS-OPENING-AMPLITUDE');
    expect(levels(result)['OPS-NO-SHOW-RATE']).toBe(20);
    expect(levels(result)['OPS-SNP-CAPACITY']).toBe(88);
    expect(levels(await scores(practice.gpB))['OPS-SNP-CAPACITY']).toBe(57);
  });

  it('gives week 46’s opening as open minutes on the time line of both sites, and its SNP slots', async () => {
    // 9–15 November: Monday 360, Tuesday 480 (A’s afternoon not yet removed), Wednesday 420 (Réunion 04–08Z and Paris
    // 07–11Z), Thursday 360, Friday 13 nothing (A in training), no Saturday range that week → 1,620 minutes. SNP: A
    // 4 mornings × 4 + Tuesday afternoon 4 = 20; B Monday and Thursday 6 each, Wednesday in Réunion 2 = 14.
    const result = await scores(undefined, '2026-W46');
    expect(result.indicatorScores.activity).toMatchObject({ openingMinutes: 1620, snpSlots: 34 });
    expect(levels(result)).toMatchObject({ 'OPS-OPENING-AMPLITUDE': 1620, 'OPS-SNP-CAPACITY': 34 });
  });

  it('reads every indicator of October and November at once, each month as indicatorScores gives it', async () => {
    const { indicatorHistories } = await app.ok<{
      indicatorHistories: Array<{ indicatorCode: string; points: Array<{ period: string; level: number | null }> }>;
    }>(
      `query ($s: ID!) { indicatorHistories(structureId: $s, from: "2026-10", to: "2026-11") {
        indicatorCode points { period level } } }`,
      { s: practice.structureId },
      practice.coordinator,
    );
    for (const month of ['2026-10', '2026-11']) {
      // Histories are the operational indicators' (the ACI criteria are read per period, not month by month).
      const expected = Object.fromEntries(
        Object.entries(levels(await scores(undefined, month))).filter(([code]) => code.startsWith('OPS-')),
      );
      const read = Object.fromEntries(
        indicatorHistories.map((h) => [h.indicatorCode, h.points.find((p) => p.period === month)?.level]),
      );
      expect(read).toEqual(expected);
    }
    // October: 22 weekdays of A's mornings, 9 Mondays and Thursdays with B until 14:00 → 13 × 240 + 9 × 360 = 6,360
    // minutes, × 7 / 31 = 1,436.13 a week; SNP 22 × 4 + 9 × 6 = 142. (The clocks changed on Sunday 25 October: no range.)
    const amplitude = indicatorHistories.find((h) => h.indicatorCode === 'OPS-OPENING-AMPLITUDE');
    expect(amplitude?.points).toEqual([
      { period: '2026-10', level: 1436.13 },
      { period: '2026-11', level: 1694 },
    ]);
    expect(indicatorHistories.find((h) => h.indicatorCode === 'OPS-SNP-CAPACITY')?.points).toEqual([
      { period: '2026-10', level: 142 },
      { period: '2026-11', level: 145 },
    ]);
  });

  it('gives the medical time freed per GP in week 46 with its terms, as computed by hand', async () => {
    const { timeFreed } = await app.ok<{ timeFreed: TimeFreedRow[] }>(
      TIME_FREED,
      { s: practice.structureId, w: '2026-W46' },
      practice.coordinator,
    );
    const byGp = Object.fromEntries(timeFreed.map((row) => [row.practitionerId, row]));
    expect(Object.keys(byGp).sort()).toEqual([practice.gpA, practice.gpB].sort());
    // GP A: 10 + 6 delegated minutes, 2 calls without a human × 5, 2 interruptions avoided × 2 = 30 min.
    expect(byGp[practice.gpA].terms.map((t) => [t.code, t.quantity, t.minutes])).toEqual([
      ['delegated_tasks', 16, 16],
      ['calls_without_human', 2, 10],
      ['interruptions_avoided', 2, 4],
    ]);
    expect(byGp[practice.gpA]).toMatchObject({ totalMinutes: 30, minutesPerPractitionerPerWeek: 30 });
    // GP B: 5 delegated minutes, 1 call without a human × 5 = 10 min.
    expect(byGp[practice.gpB]).toMatchObject({ totalMinutes: 10, minutesPerPractitionerPerWeek: 10 });
    expect(byGp[practice.gpA].explanation.join(' ')).toMatch(/hypothèse de la plateforme/);
  });

  it('announces each value that changed once, and nothing when the same stream is published again', async () => {
    await app.recomputed();
    const announced = await app.events('indicators.indicator-value.changed.v1');
    const last = announced
      .filter(
        (e) =>
          e.structureId === practice.structureId &&
          e.practitionerId === null &&
          e.period === '2026-11' &&
          e.indicatorCode === 'OPS-NO-SHOW-RATE',
      )
      .at(-1);
    expect(last).toMatchObject({ period: '2026-11', numerator: 2, denominator: 9, level: 22.22 });
    // Ranges and absences span months: whatever facts came first, November's last announcements hold them all.
    const lastOf = (code: string, practitionerId: string | null) =>
      announced
        .filter(
          (e) =>
            e.structureId === practice.structureId &&
            e.practitionerId === practitionerId &&
            e.period === '2026-11' &&
            e.indicatorCode === code,
        )
        .at(-1);
    expect(lastOf('OPS-OPENING-AMPLITUDE', null)).toMatchObject({ level: 1694, numerator: 1694 });
    expect(lastOf('OPS-SNP-CAPACITY', null)).toMatchObject({ level: 145 });
    expect(lastOf('OPS-SNP-CAPACITY', practice.gpB)).toMatchObject({ level: 57 });

    const before = await scores();
    await publishMonth(events, practice, ids); // new event ids, the same facts: a replay of the stream
    const marker = randomUUID();
    await events.publish('directory.site.opened.v1', {
      siteId: marker,
      structureId: practice.structureId,
      timeZone: 'Europe/Paris',
      openingHours: [],
      openedAt: '2026-12-01T00:00:00Z',
    });
    await expectEventually(
      async () => expect(await app.sql(`select 1 from site_zone where site_id = $1`, [marker])).toHaveLength(1),
      60_000,
    );
    await app.recomputed();
    expect(await scores()).toEqual(before);
    // The topics are shared by every spec of the run: other structures' facts published meanwhile are announced too.
    const ours = (all: Array<Record<string, unknown>>) => all.filter((e) => e.structureId === practice.structureId);
    expect(ours(await app.events('indicators.indicator-value.changed.v1'))).toEqual(ours(announced));
  }, 90_000);

  it('rebuilds identical values on an empty database from the start of the stream (a new consumer group)', async () => {
    const rebuilt = await IndicatorsTestApp.start('indicators_rebuild', { consumerGroup: rebuildGroup });
    try {
      const expected = await scores();
      await expectEventually(async () => expect(await scores(undefined, '2026-11', rebuilt)).toEqual(expected), 90_000);
      expect(await scores(practice.gpB, '2026-11', rebuilt)).toEqual(await scores(practice.gpB));
    } finally {
      await rebuilt.stop();
    }
  }, 150_000);

  it('answers NOT_FOUND to an administrator of another structure, and to a practitioner asking for a colleague FORBIDDEN', async () => {
    const otherStructure = randomUUID();
    const otherAdmin = {
      memberId: randomUUID(),
      memberships: [{ structureId: otherStructure, roles: ['administrator' as const], siteIds: [] }],
    };
    for (const query of [
      SCORES,
      TIME_FREED,
      `query ($s: ID!) { indicatorCatalogue(structureId: $s) { code } }`,
      `query ($s: ID!) { indicatorHistories(structureId: $s, from: "2026-11", to: "2026-11") { indicatorCode } }`,
    ]) {
      const result = await app.gql(query, { s: practice.structureId, p: '2026-11', w: '2026-W46' }, otherAdmin);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const colleague = await app.gql(
      SCORES,
      { s: practice.structureId, p: '2026-11', who: practice.gpB },
      practice.gpAUser,
    );
    expect(colleague.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const own = await app.ok<{ timeFreed: TimeFreedRow[] }>(
      TIME_FREED,
      { s: practice.structureId, w: '2026-W46' },
      practice.gpAUser,
    );
    expect(own.timeFreed.map((r) => r.practitionerId)).toEqual([practice.gpA]);
  });

  it('names the period at fault', async () => {
    const result = await app.gql(SCORES, { s: practice.structureId, p: 'novembre' }, practice.coordinator);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });
});
