import { readDataFiles } from '../infrastructure/catalogue-files';
import { catalogueInForce, loadCatalogues, type IndicatorDefinition } from './catalogue-loader';
import { withStructureValues } from './structure-values';
import { thresholdCrossings } from './value-changes';

const operational = catalogueInForce(loadCatalogues(readDataFiles('catalogue')), 'OPERATIONAL', '2026-11-01');
const indicator = (code: string) => operational.indicators.find((i) => i.code === code) as IndicatorDefinition;
const noShow = withStructureValues(indicator('OPS-NO-SHOW-RATE'), [
  { path: 'objectives.intermediate', value: 5, source: 'projet de santé 2026' },
  { path: 'objectives.target', value: 3, source: 'projet de santé 2026' },
]);

describe('threshold crossings', () => {
  it('reaches a lower-is-better objective when the level falls to it, and both when it falls under the target', () => {
    expect(thresholdCrossings(noShow, 6, 5)).toEqual([
      { objective: 'intermediate', crossing: 'reached', objectiveValue: 5, level: 5 },
    ]);
    expect(thresholdCrossings(noShow, 6, 2.5).map((c) => `${c.objective} ${c.crossing}`)).toEqual([
      'intermediate reached',
      'target reached',
    ]);
  });

  it('loses an objective when the level goes back above it, and says nothing when no objective is crossed', () => {
    expect(thresholdCrossings(noShow, 2.9, 3.1)).toEqual([
      { objective: 'target', crossing: 'lost', objectiveValue: 3, level: 3.1 },
    ]);
    expect(thresholdCrossings(noShow, 4, 3.5)).toEqual([]);
  });

  it('never crosses an objective still to be completed', () => {
    expect(thresholdCrossings(indicator('OPS-NO-SHOW-RATE'), 10, 0)).toEqual([]);
  });
});
