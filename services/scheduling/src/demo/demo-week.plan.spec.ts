import { DEMO_MOTIFS, motifsFor } from './demo-motifs';
import { planWeek, type DemoPractitioner } from './demo-week.plan';

const gp = (index: number, siteIds = ['site-a', 'site-b']): DemoPractitioner => ({
  memberId: `gp-${index}`,
  profession: 'general_practitioner',
  siteIds,
  index,
});

describe('demo weeks', () => {
  it('a GP works Monday to Friday across their sites, mornings and afternoons, one afternoon off, 10 % SNP', () => {
    const plans = planWeek(gp(0));
    expect(plans.flatMap((p) => (p.startTime < '13:00' ? p.weekdays : [])).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(plans.flatMap((p) => (p.startTime >= '13:00' ? p.weekdays : [])).sort()).toEqual([1, 2, 4, 5]);
    expect(new Set(plans.map((p) => p.siteId))).toEqual(new Set(['site-a', 'site-b']));
    expect(plans.every((p) => p.snpShare === 0.1)).toBe(true);
    expect(plans[0]).toMatchObject({
      startTime: '08:30',
      endTime: '12:00',
      motifKeys: ['consultation', 'long', 'home-visit', 'teleconsultation'],
    });
  });

  it('varies hours, sites and the afternoon off between colleagues', () => {
    const [a, b] = [planWeek(gp(0)), planWeek(gp(1))];
    expect(a[0].startTime).not.toBe(b[0].startTime);
    expect(a.find((p) => p.siteId === 'site-a')?.weekdays).not.toEqual(b.find((p) => p.siteId === 'site-a')?.weekdays);
  });

  it('keeps other professions to their own motifs and without SNP; a secretary gets no range', () => {
    const nurse = planWeek({ memberId: 'n', profession: 'nurse', siteIds: ['site-a'], index: 0 });
    expect(nurse.map((p) => [p.startTime, p.endTime])).toEqual([
      ['08:00', '12:00'],
      ['16:00', '19:00'],
    ]);
    expect(nurse[0].motifKeys).toEqual(['home-visit', 'nurse-care', 'vaccination']);
    expect(nurse.every((p) => p.snpShare === 0)).toBe(true);
    expect(planWeek({ memberId: 's', profession: 'medical_secretary', siteIds: ['site-a'], index: 0 })).toEqual([]);
    expect(planWeek({ memberId: 'p', profession: 'general_practitioner', siteIds: [], index: 0 })).toEqual([]);
  });

  it('every motif is offered by some profession, with a unique key', () => {
    expect(new Set(DEMO_MOTIFS.map((m) => m.key)).size).toBe(DEMO_MOTIFS.length);
    expect(motifsFor('pharmacist').map((m) => m.key)).toEqual(['vaccination']);
  });
});
