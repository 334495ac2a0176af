import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '@msp/persistence';
import { expectEventually } from '@msp/testing';
import { DirectoryProjection } from '../src/application/projections/directory-projection';
import { DemoAgendaLoader } from '../src/demo/demo-agenda.loader';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';

describe('demo agendas (SCHEDULING_DEMO_DATA=load)', () => {
  let scheduling: SchedulingTestApp;
  const structureId = randomUUID();
  const [montfort, breal] = [randomUUID(), randomUUID()];
  const ids = {
    admin: randomUUID(),
    gp: randomUUID(),
    otherGp: randomUUID(),
    nurse: randomUUID(),
    secretary: randomUUID(),
  };

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_demo_agendas', { SCHEDULING_DEMO_DATA: 'load' });
  });

  afterAll(() => scheduling?.stop());

  const rangeCount = async () =>
    Number(
      (
        await scheduling.sql<{ n: string }>(`select count(*) n from opening_range where structure_id = $1`, [
          structureId,
        ])
      )[0].n,
    );

  it('waits for the directory members, then gives every practitioner weekly ranges and the structure its motifs', async () => {
    // Other specs' directory events may reach this projection too (the topic is shared): only this structure is checked.
    const projection = scheduling.get(DirectoryProjection);
    await scheduling.get(TransactionRunner).run(async () => {
      await projection.upsertSite({ siteId: montfort, structureId, timeZone: 'Europe/Paris' });
      await projection.upsertSite({ siteId: breal, structureId, timeZone: 'Europe/Paris' });
      const member = (memberId: string, profession: string, roles: string[], siteIds: string[]) =>
        projection.upsertMember({ memberId, structureId, profession, roles, siteIds });
      await member(ids.admin, 'practice_manager', ['administrator'], []);
      await member(ids.gp, 'general_practitioner', ['practitioner'], [montfort, breal]);
      await member(ids.otherGp, 'general_practitioner', ['practitioner'], [montfort]);
      await member(ids.nurse, 'nurse', ['practitioner'], [breal]);
      await member(ids.secretary, 'medical_secretary', ['secretary'], [montfort, breal]);
    });
    await expectEventually(async () => expect(await rangeCount()).toBeGreaterThan(0), 30_000, 250);

    const motifs = await scheduling.sql<{ label: string; duration_minutes: number; bookable_by: string[] }>(
      `select label, duration_minutes, bookable_by from motif where structure_id = $1`,
      [structureId],
    );
    expect(motifs.map((m) => m.label).sort()).toEqual([
      'Consultation',
      'Consultation longue',
      'Soins infirmiers',
      'Téléconsultation',
      'Vaccination',
      'Visite à domicile',
    ]);
    expect(motifs.find((m) => m.label === 'Consultation')).toEqual({
      label: 'Consultation',
      duration_minutes: 20,
      bookable_by: ['staff', 'online', 'virtual_secretary'],
    });
    expect(motifs.find((m) => m.label === 'Visite à domicile')?.bookable_by).toEqual(['staff']);

    const ranges = await scheduling.sql<{
      practitioner_id: string;
      site_id: string;
      recurrence: string;
      start_time: string;
      snp_share: number;
      snp_release_days_before: number;
      snp_release_at: string;
    }>(
      `select practitioner_id, site_id, recurrence, start_time, snp_share, snp_release_days_before, snp_release_at from opening_range where structure_id = $1`,
      [structureId],
    );
    expect(new Set(ranges.map((r) => r.practitioner_id))).toEqual(new Set([ids.gp, ids.otherGp, ids.nurse]));
    expect(new Set(ranges.filter((r) => r.practitioner_id === ids.gp).map((r) => r.site_id))).toEqual(
      new Set([montfort, breal]),
    );
    const gpRanges = ranges.filter((r) => r.practitioner_id !== ids.nurse);
    expect(
      gpRanges.every((r) => r.snp_share === 0.1 && r.snp_release_days_before === 1 && r.snp_release_at === '18:00'),
    ).toBe(true);
    expect(ranges.filter((r) => r.practitioner_id === ids.nurse).every((r) => r.snp_share === 0)).toBe(true);
    // Through the handlers: every range told the other services.
    expect(
      (await scheduling.events('scheduling.opening-ranges.changed.v1')).filter((e) => e.structureId === structureId),
    ).toHaveLength(ranges.length);
  });

  it('leaves a structure that has motifs alone, and two loaders racing load a structure once', async () => {
    const loader = scheduling.get(DemoAgendaLoader);
    const before = await rangeCount();
    await expectEventually(async () => expect(await loader.loadPending()).toBeNull(), 30_000, 500);
    expect(await rangeCount()).toBe(before);
    const motifCount = async () =>
      (await scheduling.sql(`select 1 from motif where structure_id = $1`, [structureId])).length;
    const motifsBefore = await motifCount();
    await scheduling.sql(`delete from opening_range where structure_id = $1`, [structureId]);
    await scheduling.sql(`delete from motif where structure_id = $1`, [structureId]);
    const results = await Promise.all([loader.loadPending(), loader.loadPending()]);
    // This structure is loaded by one of them, once: its ranges and motifs are not doubled. (The other may still load
    // another spec's structure that arrived meanwhile on the shared topics, so its result is not asserted.)
    expect(results.some((r) => r !== null && r.ranges >= before)).toBe(true);
    expect(await rangeCount()).toBe(before);
    expect(await motifCount()).toBe(motifsBefore);
  });
});
