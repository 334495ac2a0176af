import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import { expectEventually, TestEventPublisher } from '@msp/testing';
import { IndicatorsTestApp } from './fixtures/indicators-test-app';

const IMPORT = `mutation ($input: ImportIndicatorValuesInputType!) {
  importIndicatorValues(input: $input) { ok imported fileSha256 errors { line column message } }
}`;
const SCORES = `query ($s: ID!, $p: String!, $who: ID) {
  indicatorScores(structureId: $s, period: $p, practitionerId: $who) {
    scores {
      indicatorCode status level numerator denominator provenance importedFile evidenceReference recordedBy
      targetObjective settings { field value source provenance }
    }
  }
}`;
const DECLARE = `mutation ($input: DeclareIndicatorInputType!) {
  declareIndicator(input: $input) { indicatorCode period met provenance evidenceReference }
}`;
const SET = `mutation ($input: SetIndicatorValueInputType!) {
  setIndicatorValue(input: $input) { field value source provenance setBy }
}`;
const SETTINGS = `query ($s: ID!) {
  indicatorSettings(structureId: $s) { indicatorCode field value source }
}`;
const AUDIT = `query ($s: ID!) {
  indicatorSettingsAudit(structureId: $s) { indicatorCode field oldValue oldSource newValue source changedBy }
}`;

/** The two practitioners the spreadsheet fixture names, by their RPPS. */
const LEFEVRE = '10003456786';
const COEURDEVEY = '10005678908';
const FMT = [
  'FMT-VACC-GRIPPE',
  'FMT-VACC-COVID',
  'FMT-VACC-PNEUMOCOQUE',
  'FMT-VACC-ROR',
  'FMT-VACC-MENINGOCOQUE-C',
  'FMT-VACC-HPV',
  'FMT-DEP-SEIN',
  'FMT-DEP-COL',
  'FMT-DEP-COLORECTAL',
];
const PERIODS = [2026, 2027, 2028, 2029, 2030].flatMap((y) => [
  String(y),
  ...[1, 2, 3, 4].map((q) => `${y}-T${q}`),
  ...Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`),
]);

/** 1,000 distinct lines (header apart), as a French spreadsheet writes them. */
function thousandLines(): string[][] {
  const lines: string[][] = [];
  for (const period of PERIODS)
    for (const code of FMT)
      for (const rpps of [LEFEVRE, COEURDEVEY]) if (lines.length < 1000) lines.push([rpps, code, period, '12', '40']);
  return lines;
}
const csv = (lines: string[][]) =>
  ['rpps;code_indicateur;periode;numerateur;denominateur', ...lines.map((l) => l.join(';'))].join('\r\n') + '\r\n';
const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

function practice() {
  const structureId = randomUUID();
  const [admin, coordinator, gpA, gpB] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const user = (memberId: string, roles: UserContext['memberships'][number]['roles']): UserContext => ({
    memberId,
    memberships: [{ structureId, roles, siteIds: [] }],
  });
  return {
    structureId,
    gpA,
    gpB,
    admin: user(admin, ['administrator']),
    coordinator: user(coordinator, ['coordinator']),
    practitioner: user(gpA, ['practitioner']),
  };
}

describe('values imported, declared and set by a structure’s administrators', () => {
  let app: IndicatorsTestApp;
  let events: TestEventPublisher;
  const msp = practice();
  const other = practice();

  const scores = (period: string, who?: string, user = msp.admin) =>
    app.gql<{ indicatorScores: { scores: Array<Record<string, unknown>> } }>(
      SCORES,
      { s: msp.structureId, p: period, who },
      user,
    );
  const inputRows = async (structureId = msp.structureId) =>
    Number(
      (await app.sql<{ n: string }>(`select count(*) n from indicator_input where structure_id = $1`, [structureId]))[0]
        .n,
    );

  beforeAll(async () => {
    app = await IndicatorsTestApp.start('indicators_inputs');
    events = await TestEventPublisher.start('indicators-spec-inputs');
    for (const [memberId, rpps] of [
      [msp.gpA, LEFEVRE],
      [msp.gpB, COEURDEVEY],
    ])
      await events.publish('directory.member.joined.v1', {
        memberId,
        structureId: msp.structureId,
        profession: 'general_practitioner',
        roles: ['practitioner'],
        siteIds: [],
        rpps,
        joinedAt: '2026-01-01T08:00:00Z',
      });
    await expectEventually(async () => {
      const rows = await app.sql(`select 1 from practitioner_member where structure_id = $1 and rpps is not null`, [
        msp.structureId,
      ]);
      expect(rows).toHaveLength(2);
    }, 60_000);
  }, 120_000);

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  describe('imports', () => {
    it('refuses a file of 1,000 lines with one bad line, reports that line and writes nothing', async () => {
      const lines = thousandLines();
      lines[499] = [lines[499][0], lines[499][1], lines[499][2], 'douze', '40'];
      const result = await app.ok<{ importIndicatorValues: Record<string, unknown> }>(
        IMPORT,
        { input: { structureId: msp.structureId, csvBase64: base64(csv(lines)), fileName: 'export.csv' } },
        msp.admin,
      );
      expect(result.importIndicatorValues).toMatchObject({
        ok: false,
        imported: 0,
        errors: [{ line: 501, column: 'numerateur', message: expect.stringContaining('Ligne 501') }],
      });
      expect(result.importIndicatorValues.errors).toHaveLength(1);
      expect(await inputRows()).toBe(0);
    });

    it('stores a good file of 1,000 lines in one go, and the scores use it with its provenance', async () => {
      const lines = thousandLines();
      const result = await app.ok<{ importIndicatorValues: Record<string, unknown> }>(
        IMPORT,
        { input: { structureId: msp.structureId, csvBase64: base64(csv(lines)), fileName: 'export.csv' } },
        msp.admin,
      );
      expect(result.importIndicatorValues).toMatchObject({ ok: true, imported: 1000, errors: [] });
      expect(await inputRows()).toBe(1000);
      const { data } = await scores('2026-T1', msp.gpA);
      const grippe = data?.indicatorScores.scores.find((s) => s.indicatorCode === 'FMT-VACC-GRIPPE');
      expect(grippe).toMatchObject({
        numerator: 12,
        denominator: 40,
        level: 30,
        provenance: 'imported',
        importedFile: 'export.csv',
        recordedBy: msp.admin.memberId,
      });
      // The structure's figure sums its practitioners'.
      const structure = (await scores('2026-T1')).data?.indicatorScores.scores;
      expect(structure?.find((s) => s.indicatorCode === 'FMT-VACC-GRIPPE')).toMatchObject({
        numerator: 24,
        denominator: 80,
      });
      expect(structure?.find((s) => s.indicatorCode === 'OPS-NO-SHOW-RATE')).toMatchObject({ provenance: 'computed' });
    });

    it('accepts a French spreadsheet export as it comes (Windows-1252, “;”, decimal comma, quoted “;”), replacing the earlier values', async () => {
      const bytes = readFileSync(join(__dirname, '../src/infrastructure/csv/fixtures/export-tableur-windows-1252.csv'));
      const result = await app.ok<{ importIndicatorValues: Record<string, unknown> }>(
        IMPORT,
        { input: { structureId: msp.structureId, csvBase64: bytes.toString('base64'), fileName: 'ameli.csv' } },
        msp.admin,
      );
      expect(result.importIndicatorValues).toMatchObject({ ok: true, errors: [] });
      const imported = result.importIndicatorValues.imported as number;
      expect(imported).toBe(4);
      // Upserts: the file's four values of 2026-T1 replace those the previous import held.
      expect(await inputRows()).toBe(1000);
      const { data } = await scores('2026-T1', msp.gpA);
      expect(data?.indicatorScores.scores.find((s) => s.indicatorCode === 'FMT-VACC-GRIPPE')).toMatchObject({
        numerator: 212,
        denominator: 340,
        importedFile: 'ameli.csv',
      });
    });

    it('answers an RPPS that is none of the structure’s practitioners as a line error', async () => {
      const result = await app.ok<{ importIndicatorValues: Record<string, unknown> }>(
        IMPORT,
        {
          input: {
            structureId: other.structureId,
            csvBase64: base64(csv([[LEFEVRE, 'FMT-DEP-SEIN', '2026', '1', '2']])),
          },
        },
        other.admin,
      );
      expect(result.importIndicatorValues).toMatchObject({ ok: false, errors: [{ line: 2, column: 'rpps' }] });
      expect(await inputRows(other.structureId)).toBe(0);
    });

    it('refuses a file over 2 MB and what is not base64, naming the field', async () => {
      const big = base64(Buffer.alloc(2 * 1024 * 1024 + 10, 0x41));
      for (const csvBase64 of [big, 'pas du base64 !', -1, true, { bytes: 'QQ==' }]) {
        const result = await app.gql(IMPORT, { input: { structureId: msp.structureId, csvBase64 } }, msp.admin);
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csvBase64' });
      }
    });
  });

  describe('access', () => {
    it('an administrator of one structure cannot read or import another’s indicators', async () => {
      const before = await inputRows();
      const imported = await app.gql(
        IMPORT,
        {
          input: {
            structureId: msp.structureId,
            csvBase64: base64(csv([[LEFEVRE, 'FMT-DEP-SEIN', '2026', '1', '2']])),
          },
        },
        other.admin,
      );
      expect(imported.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(await inputRows()).toBe(before);
      expect((await scores('2026-T1', undefined, other.admin)).errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
      });
      const audit = await app.gql(AUDIT, { s: msp.structureId }, other.admin);
      expect(audit.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('a coordinator reads but does not import, declare or set', async () => {
      const imported = await app.gql(
        IMPORT,
        {
          input: {
            structureId: msp.structureId,
            csvBase64: base64(csv([[LEFEVRE, 'FMT-DEP-SEIN', '2026', '1', '2']])),
          },
        },
        msp.coordinator,
      );
      expect(imported.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect((await scores('2026-T1', undefined, msp.coordinator)).errors).toBeUndefined();
      await expect(app.ok(AUDIT, { s: msp.structureId }, msp.coordinator)).resolves.toBeDefined();
    });
  });

  describe('declarations', () => {
    it('stores a declarative indicator with its evidence, and the scores use it', async () => {
      const declared = await app.ok<{ declareIndicator: Record<string, unknown> }>(
        DECLARE,
        {
          input: {
            structureId: msp.structureId,
            indicatorCode: 'ACI-A1-HORAIRES-SNP',
            period: '2026',
            value: 1,
            evidenceReference: 'Charte d’ouverture signée le 5 janvier 2026',
          },
        },
        msp.admin,
      );
      expect(declared.declareIndicator).toMatchObject({ met: true, provenance: 'declared' });
      const { data } = await scores('2026');
      expect(data?.indicatorScores.scores.find((s) => s.indicatorCode === 'ACI-A1-HORAIRES-SNP')).toMatchObject({
        provenance: 'declared',
        evidenceReference: 'Charte d’ouverture signée le 5 janvier 2026',
      });
    });

    it('refuses an indicator that is not declarative, naming the field', async () => {
      const result = await app.gql(
        DECLARE,
        {
          input: {
            structureId: msp.structureId,
            indicatorCode: 'FMT-VACC-GRIPPE',
            period: '2026',
            value: 1,
            evidenceReference: 'x',
          },
        },
        msp.admin,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.indicatorCode' });
    });
  });

  describe('values set by administrators', () => {
    const set = (value: number, source: string, field = 'objectives.target', user = msp.admin) =>
      app.gql<{ setIndicatorValue: Record<string, unknown> }>(
        SET,
        {
          input: {
            structureId: msp.structureId,
            catalogue: 'OPERATIONAL',
            indicatorCode: 'OPS-NO-SHOW-RATE',
            field,
            value,
            source,
          },
        },
        user,
      );

    it('sets an unconfirmed value with its source, audits each change, and the scores use it', async () => {
      expect((await set(5, 'Projet de santé 2026')).data?.setIndicatorValue).toMatchObject({
        value: 5,
        provenance: 'set',
        setBy: msp.admin.memberId,
      });
      await set(4, 'Projet de santé 2026, révision de juin');
      const audit = await app.ok<{ indicatorSettingsAudit: unknown[] }>(AUDIT, { s: msp.structureId }, msp.coordinator);
      expect(audit.indicatorSettingsAudit).toEqual([
        expect.objectContaining({
          field: 'objectives.target',
          oldValue: null,
          newValue: 5,
          changedBy: msp.admin.memberId,
        }),
        expect.objectContaining({ oldValue: 5, oldSource: 'Projet de santé 2026', newValue: 4 }),
      ]);
      const { data } = await scores('2026-11');
      expect(data?.indicatorScores.scores.find((s) => s.indicatorCode === 'OPS-NO-SHOW-RATE')).toMatchObject({
        targetObjective: 4,
        settings: [{ field: 'objectives.target', value: 4, provenance: 'set' }],
      });
    });

    it('refuses a value without a source, a coordinator, and writes no audit row', async () => {
      const before = (await app.ok<{ indicatorSettingsAudit: unknown[] }>(AUDIT, { s: msp.structureId }, msp.admin))
        .indicatorSettingsAudit.length;
      expect((await set(3, '  ')).errors?.[0]?.extensions).toMatchObject({ field: 'input.source' });
      expect((await set(3, 'x', 'objectives.target', msp.coordinator)).errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
      });
      const after = (await app.ok<{ indicatorSettingsAudit: unknown[] }>(AUDIT, { s: msp.structureId }, msp.admin))
        .indicatorSettingsAudit.length;
      expect(after).toBe(before);
    });

    it('lets the structure’s practitioners read the values set, not who changed them', async () => {
      const read = await app.ok<{ indicatorSettings: unknown[] }>(SETTINGS, { s: msp.structureId }, msp.practitioner);
      expect(read.indicatorSettings).toEqual([
        expect.objectContaining({ indicatorCode: 'OPS-NO-SHOW-RATE', field: 'objectives.target', value: 4 }),
      ]);
      const audit = await app.gql(AUDIT, { s: msp.structureId }, msp.practitioner);
      expect(audit.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('refuses to override a value the catalogue confirms', async () => {
      const catalogue = await app.ok<{
        indicatorCatalogue: Array<{ code: string; indicators: Array<{ code: string; targetObjectiveStatus: string }> }>;
      }>(
        `query ($s: ID!) { indicatorCatalogue(structureId: $s) { code indicators { code targetObjectiveStatus } } }`,
        {
          s: msp.structureId,
        },
        msp.admin,
      );
      const confirmed = catalogue.indicatorCatalogue
        .flatMap((c) => c.indicators.map((i) => ({ catalogue: c.code, ...i })))
        .find((i) => i.targetObjectiveStatus === 'confirmed');
      expect(confirmed).toBeDefined();
      const result = await app.gql(
        SET,
        {
          input: {
            structureId: msp.structureId,
            catalogue: confirmed!.catalogue,
            indicatorCode: confirmed!.code,
            field: 'objectives.target',
            value: 1,
            source: 'autre',
          },
        },
        msp.admin,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.field' });
    });
  });
  describe('announcements and alerts on imported values', () => {
    const ALERTS = `query ($s: ID!, $p: String!, $who: ID) {
      indicatorAlerts(structureId: $s, period: $p, practitionerId: $who) { indicatorCode objective missing change message }
    }`;
    const importHbA1c = (numerator: number) =>
      app.ok<{ importIndicatorValues: { ok: boolean } }>(
        IMPORT,
        {
          input: {
            structureId: msp.structureId,
            csvBase64: base64(csv([[LEFEVRE, 'ROSP-A-SPC-01', '2025', String(numerator), '50']])),
            fileName: 'releve-rosp-2025.csv',
          },
        },
        msp.admin,
      );
    const announced = async (type: string) =>
      (await app.events(type)).filter(
        (e) => e.structureId === msp.structureId && e.indicatorCode === 'ROSP-A-SPC-01' && e.period === '2025',
      );

    afterEach(() => jest.restoreAllMocks());

    it('announces an imported value once, and the objective it reaches when a later statement brings it there', async () => {
      await importHbA1c(30);
      expect(await announced('indicators.indicator-value.changed.v1')).toEqual([
        expect.objectContaining({ practitionerId: msp.gpA, catalogue: 'ROSP_MT_ADULTE', level: 60, numerator: 30 }),
      ]);
      expect(await announced('indicators.threshold.crossed.v1')).toEqual([]);

      await importHbA1c(30); // the same statement again: nothing moved
      expect(await announced('indicators.indicator-value.changed.v1')).toHaveLength(1);

      await importHbA1c(40); // 80 %: the intermediate objective (74 %) reached, not the target (92 %)
      expect((await announced('indicators.indicator-value.changed.v1')).at(-1)).toMatchObject({
        previousLevel: 60,
        level: 80,
      });
      expect(await announced('indicators.threshold.crossed.v1')).toEqual([
        expect.objectContaining({ practitionerId: msp.gpA, objective: 'intermediate', crossing: 'reached', level: 80 }),
      ]);
    });

    it('alerts on an imported rate behind its objective, in patients to reach before the period ends', async () => {
      await importHbA1c(30);
      jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date('2025-11-16T09:00:00Z'));
      const { indicatorAlerts } = await app.ok<{ indicatorAlerts: Array<Record<string, unknown>> }>(
        ALERTS,
        { s: msp.structureId, p: '2025', who: msp.gpA },
        msp.admin,
      );
      // 74 % of 50 = 37 patients, 30 done: 7 more over the 46 days to 31 December, about 1.1 a week.
      expect(indicatorAlerts).toEqual([
        {
          indicatorCode: 'ROSP-A-SPC-01',
          objective: 'intermediate',
          missing: 7,
          change: 'more',
          message:
            '7 patients diabétiques de plus avec deux HbA1c sont nécessaires avant le 31 décembre pour atteindre l’objectif intermédiaire (environ 1,1 par semaine).',
        },
      ]);
    });
  });
});
