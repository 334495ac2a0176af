import { readDataFiles } from '../infrastructure/catalogue-files';
import { indicatorAlert } from './alerts';
import { type IndicatorDefinition, loadCatalogues } from './catalogue-loader';
import { type IndicatorValues, score } from './scoring';
import { withStructureValues } from './structure-values';

const indicators = new Map<string, IndicatorDefinition>(
  loadCatalogues(readDataFiles('catalogue')).flatMap((c) => c.indicators.map((i) => [i.code, i] as const)),
);
const hba1c = indicators.get('ROSP-A-SPC-01') as IndicatorDefinition;
const period = { start: '2025-01-01', end: '2025-12-31' };

function alertOf(indicator: IndicatorDefinition, values: IndicatorValues, today: string) {
  const result = score(indicator, values, { scope: 'practitioner', period, patientBase: 800 });
  return indicatorAlert(indicator, result, values, { today, periodEnd: period.end });
}

describe('indicator alerts', () => {
  it('says how many more patients are needed before the end of the period for the intermediate objective', () => {
    const alert = alertOf(hba1c, { numerator: 62, denominator: 100 }, '2025-10-01');
    expect(alert?.message).toBe(
      '12 patients diabétiques de plus avec deux HbA1c sont nécessaires avant le 31 décembre pour atteindre l’objectif intermédiaire (environ 0,9 par semaine).',
    );
    expect(alert).toMatchObject({ objective: 'intermediate', missing: 12, change: 'more', daysLeft: 92 });
  });

  it('rounds up to whole patients and then aims at the target once the intermediate objective is reached', () => {
    const alert = alertOf(hba1c, { numerator: 80, denominator: 101 }, '2025-12-25');
    // 92 % of 101 = 92.92 → 13 more than 80; a week left: no weekly pace.
    expect(alert?.message).toBe(
      '13 patients diabétiques de plus avec deux HbA1c sont nécessaires avant le 31 décembre pour atteindre l’objectif cible.',
    );
  });

  it('counts fewer for a lower-is-better indicator', () => {
    const noShow = withStructureValues(indicators.get('OPS-NO-SHOW-RATE') as IndicatorDefinition, [
      { path: 'objectives.intermediate', value: 5, source: 'projet de santé' },
      { path: 'objectives.target', value: 3, source: 'projet de santé' },
    ]);
    const alert = alertOf(noShow, { numerator: 9, denominator: 120 }, '2025-12-01');
    expect(alert?.message).toBe(
      '3 rendez-vous non honorés de moins sont nécessaires avant le 31 décembre pour atteindre l’objectif intermédiaire (environ 0,7 par semaine).',
    );
    expect(alert?.change).toBe('fewer');
  });

  it('warns when the minimum population is not reached yet, and says the year when the period ends in another', () => {
    const values = { numerator: 3, denominator: 4 };
    const result = score(hba1c, values, { scope: 'practitioner', period, patientBase: 800 });
    const alert = indicatorAlert(hba1c, result, values, { today: '2024-12-20', periodEnd: '2025-12-31' });
    expect(alert?.message).toBe(
      '1 patient de plus dans la population suivie est nécessaire avant le 31 décembre 2025 pour atteindre le seuil minimal de 5 patients.',
    );
  });

  it('is silent when the objectives are reached, unknown, or the period is over', () => {
    expect(alertOf(hba1c, { numerator: 95, denominator: 100 }, '2025-06-01')).toBeNull();
    expect(
      alertOf(indicators.get('ROSP-A-SPC-02') as IndicatorDefinition, { numerator: 1, denominator: 100 }, '2025-06-01'),
    ).toBeNull();
    const values = { numerator: 10, denominator: 100 };
    const result = score(hba1c, values, { scope: 'practitioner', period, patientBase: 800 });
    expect(indicatorAlert(hba1c, result, values, { today: '2026-01-02', periodEnd: '2025-12-31' })).toBeNull();
  });

  it('refuses a date that is not a calendar day, naming the field', () => {
    const values = { numerator: 10, denominator: 100 };
    const result = score(hba1c, values, { scope: 'practitioner', period, patientBase: 800 });
    expect(() => indicatorAlert(hba1c, result, values, { today: '2025-02-30', periodEnd: '2025-12-31' })).toThrow(
      'timing.today: 2025-02-30 is not a calendar date',
    );
  });
});
