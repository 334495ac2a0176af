import { readDataFiles } from '../infrastructure/catalogue-files';
import { type IndicatorDefinition, loadCatalogues } from './catalogue-loader';
import { IndicatorsError } from './indicators-error';
import { combineValues, score, type ScoringContext } from './scoring';
import { withStructureValues } from './structure-values';

const indicators = new Map<string, IndicatorDefinition>(
  loadCatalogues(readDataFiles('catalogue')).flatMap((c) => c.indicators.map((i) => [i.code, i] as const)),
);
const get = (code: string) => indicators.get(code) as IndicatorDefinition;
const year: ScoringContext = {
  scope: 'practitioner',
  period: { start: '2025-01-01', end: '2025-12-31' },
  patientBase: 800,
};

describe('score', () => {
  it('says in the explanation that the ROSP achievement rule is not confirmed, even when the values are', () => {
    const result = score(get('ROSP-A-SPC-01'), { numerator: 83, denominator: 100 }, year);
    expect(result.unconfirmed.join(' ')).toMatch(
      /règle de la convention de 2016 après l’avenant 6.* ne sont pas confirmées/,
    );
    expect(result.explanation.at(-1)).toMatch(/^Non confirmé par un texte officiel : /);
  });

  it('computes the progression below the intermediate objective but estimates no euros', () => {
    const result = score(get('ROSP-A-SPC-01'), { numerator: 62, denominator: 100, startingLevel: 50 }, year);
    expect(result).toMatchObject({
      status: 'rule_unconfirmed',
      achievementRate: null,
      estimatedEuros: null,
      progressionRate: 0.5,
    });
  });

  it('inverts the objectives of a lower-is-better indicator: a lower level earns more', () => {
    const noShow = withStructureValues(get('OPS-NO-SHOW-RATE'), [
      { path: 'objectives.intermediate', value: 6, source: 'projet de santé 2025' },
      { path: 'objectives.target', value: 2, source: 'projet de santé 2025' },
    ]);
    const at = (numerator: number) => score(noShow, { numerator, denominator: 200 }, { ...year, scope: 'structure' });
    expect([at(14), at(12), at(8), at(4), at(2)].map((r) => r.achievementRate)).toEqual([0, 0.5, 0.75, 1, 1]);
    expect(at(8).unconfirmed).toContain('Objectif cible : fixé par la structure (projet de santé 2025).');
  });

  it('does not weight points when the patient base is unknown, and says why', () => {
    const result = score(get('ROSP-A-SPC-01'), { numerator: 92, denominator: 100 }, { ...year, patientBase: null });
    expect(result).toMatchObject({ status: 'incomplete', estimatedEuros: null, achievementRate: 1 });
    expect(result.explanation).toContain('Patientèle du praticien ou de la structure non renseignée.');
  });

  it('reports no data when nothing was measured, or the denominator is empty', () => {
    expect(score(get('ROSP-A-SPC-01'), {}, year).status).toBe('no_data');
    expect(score(get('ROSP-A-SPC-01'), { numerator: 0, denominator: 0 }, year).explanation).toContain(
      'Aucun patient dans le dénominateur : pas de taux.',
    );
  });

  it('refuses a negative or fractional count, naming the field', () => {
    const fail = (values: object) => {
      try {
        score(get('ROSP-A-SPC-01'), values, year);
      } catch (error) {
        return (error as IndicatorsError).field;
      }
      return 'accepted';
    };
    expect(fail({ numerator: -1, denominator: 10 })).toBe('values.numerator');
    expect(fail({ numerator: 1.5, denominator: 10 })).toBe('values.numerator');
    expect(fail({ numerator: 1, denominator: 10, startingLevel: Number.NaN })).toBe('values.startingLevel');
    expect(() => score(get('ROSP-A-SPC-01'), { numerator: 1, denominator: 10 }, { ...year, patientBase: -3 })).toThrow(
      'context.patientBase: must be a finite number ≥ 0',
    );
  });

  it('scores a structure on the sum of its practitioners’ numerators and denominators, not the mean of their rates', () => {
    const combined = combineValues([{ numerator: 9, denominator: 10 }, { numerator: 50, denominator: 90 }, {}]);
    expect(combined).toEqual({ numerator: 59, denominator: 100 });
    expect(score(get('ROSP-A-SPC-01'), combined, { ...year, scope: 'structure' }).level).toBe(59);
  });

  it('uses the values a structure set where the catalogue says "à compléter", and refuses to override a confirmed one', () => {
    const fondOeil = withStructureValues(get('ROSP-A-SPC-02'), [
      { path: 'objectives.intermediate', value: 60, source: 'Annexe 15, avenant 6' },
      { path: 'objectives.target', value: 80, source: 'Annexe 15, avenant 6' },
      { path: 'points.weighted', value: 20, source: 'Annexe 15, avenant 6' },
    ]);
    expect(score(fondOeil, { numerator: 70, denominator: 100 }, year)).toMatchObject({
      achievementRate: 0.75,
      estimatedEuros: 105,
    });
    expect(() =>
      withStructureValues(get('ROSP-A-SPC-01'), [{ path: 'objectives.target', value: 80, source: 'mon idée' }]),
    ).toThrow(/values\[0\]\.path: ROSP-A-SPC-01 objectives.target is confirmed by/);
    expect(() =>
      withStructureValues(get('ROSP-A-SPC-02'), [{ path: 'objectives.target', value: 80, source: ' ' }]),
    ).toThrow('values[0].source: say where the value comes from');
  });
});
