import { Clock } from '@msp/service-kit';
import { expectEventually, TestEventPublisher } from '@msp/testing';
import { SCORE_EXPORT_HEADER } from '../src/domain/export/scores-csv';
import { IndicatorsTestApp } from './fixtures/indicators-test-app';
import { monthIds, newPractice, NOVEMBER, publishMonth, type ScriptedPractice } from './fixtures/scripted-month';
import { dataDirWithObjectives } from './fixtures/stated-objectives';

const HISTORY = `query ($s: ID!, $code: String!, $from: String!, $to: String!, $who: ID) {
  indicatorHistory(structureId: $s, indicatorCode: $code, from: $from, to: $to, practitionerId: $who) {
    indicatorCode label unit intermediateObjective targetObjective
    points { period start end status level numerator denominator intermediateReached targetReached }
  }
}`;
const ALERTS = `query ($s: ID!, $p: String!) {
  indicatorAlerts(structureId: $s, period: $p) { indicatorCode objective missing change daysLeft message }
}`;
const CSV = `query ($s: ID!, $p: String!) { indicatorScoresCsv(structureId: $s, period: $p) { fileName contentType base64 } }`;

interface HistoryPoint {
  period: string;
  status: string;
  level: number | null;
  numerator: number | null;
  denominator: number | null;
  intermediateReached: boolean | null;
  targetReached: boolean | null;
}

/**
 * History, alerts and export on the scripted November (test/fixtures/scripted-month.ts), scored against objectives
 * the spec states (test/fixtures/stated-objectives.ts); every expected figure is worked out by hand below.
 */
describe('indicator history, alerts and CSV export over the scripted month', () => {
  let app: IndicatorsTestApp;
  let events: TestEventPublisher;
  let practice: ScriptedPractice;
  let data: ReturnType<typeof dataDirWithObjectives>;
  const today = (instant: string) => jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(instant));

  beforeAll(async () => {
    data = dataDirWithObjectives();
    app = await IndicatorsTestApp.start('indicators_reports', { env: { INDICATORS_DATA_DIR: data.dir } });
    events = await TestEventPublisher.start('indicators-spec-reports');
    practice = newPractice();
    await publishMonth(events, practice, monthIds());
    // Every fact of the month in, whatever the order the topics deliver them in.
    await expectEventually(async () => {
      const { indicatorScores } = await app.ok<{ indicatorScores: { activity: unknown } }>(
        `query ($s: ID!) { indicatorScores(structureId: $s, period: "2026-11") { activity { ${Object.keys(NOVEMBER).join(' ')} } } }`,
        { s: practice.structureId },
        practice.coordinator,
      );
      expect(indicatorScores.activity).toEqual(NOVEMBER);
      // And October's: the 10 appointments and the cancelled one are all known.
      const [{ n }] = await app.sql<{ n: number }>(
        `select count(*)::int as n from appointment_fact where structure_id = $1`,
        [practice.structureId],
      );
      expect(n).toBe(11);
    }, 60_000);
  }, 120_000);

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
    data?.remove();
  });

  const history = (code: string, from: string, to: string, who?: string, user = practice.coordinator) =>
    app.ok<{ indicatorHistory: { label: string; points: HistoryPoint[] } & Record<string, unknown> }>(
      HISTORY,
      { s: practice.structureId, code, from, to, who },
      user,
    );

  it('gives the no-show rate month by month: nothing in September, 0/1 in October, 2/9 in November, nothing in December', async () => {
    const { indicatorHistory } = await history('OPS-NO-SHOW-RATE', '2026-09', '2026-12');
    expect(indicatorHistory).toMatchObject({
      indicatorCode: 'OPS-NO-SHOW-RATE',
      unit: 'rate',
      intermediateObjective: 15,
      targetObjective: 5,
    });
    // October: the appointment of 15 October done (the one of 23:30 UTC on 31 October is 1 November in Paris).
    expect(indicatorHistory.points).toEqual([
      expect.objectContaining({ period: '2026-09', status: 'no_data', level: null, numerator: 0, denominator: 0 }),
      expect.objectContaining({
        period: '2026-10',
        start: '2026-10-01',
        end: '2026-10-31',
        level: 0,
        numerator: 0,
        denominator: 1,
        intermediateReached: true,
        targetReached: true,
      }),
      expect.objectContaining({
        period: '2026-11',
        level: 22.2222,
        numerator: 2,
        denominator: 9,
        intermediateReached: false,
        targetReached: false,
      }),
      expect.objectContaining({ period: '2026-12', status: 'no_data', level: null }),
    ]);
  });

  it('gives a practitioner’s own history, and refuses a structure-only indicator or an unknown code, naming the argument', async () => {
    const { indicatorHistory } = await history(
      'OPS-NO-SHOW-RATE',
      '2026-10',
      '2026-11',
      practice.gpA,
      practice.gpAUser,
    );
    // GP A: 15 October done; November 4 done and 1 no-show.
    expect(indicatorHistory.points.map((p) => [p.period, p.numerator, p.denominator, p.level])).toEqual([
      ['2026-10', 0, 1, 0],
      ['2026-11', 1, 5, 20],
    ]);
    for (const [code, who, from, to, field] of [
      ['OPS-PLURIPRO-MEETINGS', practice.gpA, '2026-11', '2026-11', 'practitionerId'],
      ['ROSP-A-SPC-01', undefined, '2026-11', '2026-11', 'indicatorCode'],
      ['OPS-NO-SHOW-RATE', undefined, '2026-11', '2026-10', 'to'],
      ['OPS-NO-SHOW-RATE', undefined, '2026-W45', '2026-11', 'from'],
    ] as const) {
      const result = await app.gql(HISTORY, { s: practice.structureId, code, from, to, who }, practice.coordinator);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('alerts in French on the indicators behind their next objective, with the days left in November', async () => {
    today('2026-11-16T09:00:00Z'); // 16 November in Paris: 15 days left, the 16th included
    const { indicatorAlerts } = await app.ok<{ indicatorAlerts: Array<Record<string, unknown>> }>(
      ALERTS,
      { s: practice.structureId, p: '2026-11' },
      practice.coordinator,
    );
    // No-show rate 2/9 against ≤ 15 %: 15 % of 9 = 1.35, so 2 − 1.35 = 0.65 → 1 fewer; 1 over 15/7 weeks ≈ 0.5 a week.
    // Calls without a human 3/6 against ≥ 60 %: 3.6 − 3 = 0.6 → 1 more. Meetings 2 reach the intermediate 2, not the
    // target 3 → 1 more. Protocols 2 reach both; the other indicators have no objectives.
    expect(indicatorAlerts).toEqual([
      {
        indicatorCode: 'OPS-NO-SHOW-RATE',
        objective: 'intermediate',
        missing: 1,
        change: 'fewer',
        daysLeft: 15,
        message:
          '1 rendez-vous non honoré de moins est nécessaire avant le 30 novembre pour atteindre l’objectif intermédiaire (environ 0,5 par semaine).',
      },
      {
        indicatorCode: 'OPS-CALLS-WITHOUT-HUMAN',
        objective: 'intermediate',
        missing: 1,
        change: 'more',
        daysLeft: 15,
        message:
          '1 appel traité sans intervention humaine de plus est nécessaire avant le 30 novembre pour atteindre l’objectif intermédiaire (environ 0,5 par semaine).',
      },
      {
        indicatorCode: 'OPS-PLURIPRO-MEETINGS',
        objective: 'target',
        missing: 1,
        change: 'more',
        daysLeft: 15,
        message:
          '1 réunion pluriprofessionnelle de plus est nécessaire avant le 30 novembre pour atteindre l’objectif cible (environ 0,5 par semaine).',
      },
    ]);
  });

  it('has no alert once the period is over, and counts every day of a period not begun yet', async () => {
    today('2026-11-30T23:30:00Z'); // already 1 December in Paris
    const over = await app.ok<{ indicatorAlerts: unknown[] }>(
      ALERTS,
      { s: practice.structureId, p: '2026-11' },
      practice.coordinator,
    );
    expect(over.indicatorAlerts).toEqual([]);
    // January 2027, nothing yet: rates have no level; 0 meetings for 2 → 2 more, 0 protocols for 1 → 1 more, 31 days.
    const ahead = await app.ok<{
      indicatorAlerts: Array<{ indicatorCode: string; missing: number; daysLeft: number; message: string }>;
    }>(ALERTS, { s: practice.structureId, p: '2027-01' }, practice.coordinator);
    expect(ahead.indicatorAlerts.map((a) => [a.indicatorCode, a.missing, a.daysLeft])).toEqual([
      ['OPS-PLURIPRO-MEETINGS', 2, 31],
      ['OPS-PROTOCOLS-ADOPTED', 1, 31],
    ]);
    // 2 over 31/7 weeks = 0.45 a week.
    expect(ahead.indicatorAlerts[0].message).toBe(
      '2 réunions pluriprofessionnelles de plus sont nécessaires avant le 31 janvier pour atteindre l’objectif intermédiaire (environ 0,5 par semaine).',
    );
  });

  it('exports November’s scores as a French spreadsheet CSV, the formula-like label neutralised', async () => {
    const { indicatorScoresCsv: file } = await app.ok<{
      indicatorScoresCsv: { fileName: string; contentType: string; base64: string };
    }>(CSV, { s: practice.structureId, p: '2026-11' }, practice.coordinator);
    expect(file).toMatchObject({ fileName: 'indicateurs-2026-11.csv', contentType: 'text/csv' });
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(SCORE_EXPORT_HEADER.join(';'));
    expect(lines).toHaveLength(1 + 10 + 1); // header, the 10 computed indicators, the empty end after the last CRLF
    const line = (code: string) => lines.find((l) => l.startsWith(`;${code};`));
    // No practitioner (the structure's line), period, numerator, denominator, label, catalogue, level 2/9 with a
    // decimal comma, objectives 15 and 5.
    expect(line('OPS-NO-SHOW-RATE')).toMatch(
      /^;OPS-NO-SHOW-RATE;2026-11;2;9;Taux de rendez-vous non honorés;OPERATIONAL@2026\.1;22,22;15;5;/,
    );
    expect(line('OPS-CONSULTATIONS-INTERRUPTED')).toMatch(/;1;7;[^;]+;OPERATIONAL@2026\.1;14,29;;;/);
    // The label starting with "=" gets a leading apostrophe (and quotes, holding ";" and '"'): text, not a formula.
    expect(line('OPS-PROTOCOLS-ADOPTED')).toMatch(
      /^;OPS-PROTOCOLS-ADOPTED;2026-11;2;;"'=HYPERLINK\(""http:\/\/x\.test"";""clic""\)";OPERATIONAL@2026\.1;2;1;2;/,
    );
    expect(lines.slice(1).some((l) => /(^|;)[=+@]/.test(l))).toBe(false);
  });

  it('answers NOT_FOUND to an administrator of another structure for the history, the alerts and the export', async () => {
    const outsider = {
      memberId: practice.gpB,
      memberships: [
        { structureId: '6f1c1a57-5d35-4a4e-9a52-4b1f4e1d2c3b', roles: ['administrator' as const], siteIds: [] },
      ],
    };
    const variables = {
      s: practice.structureId,
      p: '2026-11',
      code: 'OPS-NO-SHOW-RATE',
      from: '2026-11',
      to: '2026-11',
    };
    for (const query of [HISTORY, ALERTS, CSV]) {
      const result = await app.gql(query, variables, outsider);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const colleague = await app.gql(HISTORY, { ...variables, who: practice.gpB }, practice.gpAUser);
    expect(colleague.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
