import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataFiles } from '../infrastructure/catalogue-files';
import { type IndicatorDefinition, loadCatalogues } from './catalogue-loader';
import { frEuros, frNumber, frPercent, frShare } from './french-format';
import { type IndicatorValues, score } from './scoring';
import { type StructureValue, withStructureValues } from './structure-values';

/** The worked examples of docs/indicators-scoring.md are the cases of this spec: the doc cannot drift from the code. */
const DOC = join(__dirname, '..', '..', '..', '..', 'docs', 'indicators-scoring.md');

const normalise = (s: string) => s.replace(/\u00a0/g, ' ').trim();

function exampleRows(): Array<Record<string, string>> {
  const text = readFileSync(DOC, 'utf8');
  const block = /<!-- scoring-examples:start -->([\s\S]*?)<!-- scoring-examples:end -->/.exec(text)?.[1] ?? '';
  const lines = block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('|'));
  const cells = (line: string) => line.slice(1, -1).split('|').map(normalise);
  const [header, , ...rows] = lines;
  const names = cells(header);
  return rows.map((row) => Object.fromEntries(cells(row).map((cell, i) => [names[i], cell])));
}

const indicators = new Map<string, IndicatorDefinition>(
  loadCatalogues(readDataFiles('catalogue')).flatMap((c) => c.indicators.map((i) => [i.code, i] as const)),
);

function structureValues(cell: string): StructureValue[] {
  if (cell === '') return [];
  return cell.split(';').map((part) => {
    const [name, value] = part.trim().split(/\s+/);
    const path = name === 'inter' ? 'objectives.intermediate' : name === 'cible' ? 'objectives.target' : null;
    if (!path) throw new Error(`unknown structure value "${name}" in the doc table`);
    return { path, value: Number(value), source: 'exemple de la documentation' };
  });
}

function valuesOf(indicator: IndicatorDefinition, row: Record<string, string>): IndicatorValues {
  const n = (cell: string) => (cell === '' ? null : Number(cell));
  if (indicator.unit === 'boolean') return { value: row['Numérateur'] === 'oui' };
  if (indicator.unit !== 'rate') return { value: n(row['Numérateur']) };
  return { numerator: n(row['Numérateur']), denominator: n(row['Dénominateur']), startingLevel: n(row['Départ']) };
}

const dash = <T>(value: T | null, format: (v: T) => string) => (value === null ? '—' : normalise(format(value)));

describe('worked scoring examples of docs/indicators-scoring.md', () => {
  const rows = exampleRows();

  it('has the required examples: at, below and above each objective, under the minimum, lower-is-better', () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
    const statuses = rows.map((r) => r['Statut']);
    expect(statuses).toContain('below_minimum_population');
    expect(rows.some((r) => indicators.get(r['Indicateur'])?.direction === 'lower_is_better')).toBe(true);
  });

  it.each(rows.map((r) => [r['Exemple'], r] as const))('example %s scores as the doc says', (_id, row) => {
    const catalogued = indicators.get(row['Indicateur']);
    if (!catalogued) throw new Error(`unknown indicator ${row['Indicateur']} in the doc table`);
    const indicator = withStructureValues(catalogued, structureValues(row['Fixé par la structure']));
    const result = score(indicator, valuesOf(indicator, row), {
      scope: indicator.catalogue.scope,
      period: { start: '2025-01-01', end: '2025-12-31' },
      patientBase: row['Patientèle'] === '' ? null : Number(row['Patientèle']),
    });

    const level =
      indicator.unit === 'rate'
        ? dash(result.level, (v) => frPercent(v))
        : indicator.unit === 'boolean'
          ? dash(result.level, (v) => (v >= 1 ? 'oui' : 'non'))
          : dash(result.level, (v) => frNumber(v));
    expect({
      status: result.status,
      level,
      achievement: dash(result.achievementRate, frShare),
      points: dash(result.points.weighted, (v) => frNumber(v)),
      euros: dash(result.estimatedEuros, frEuros),
    }).toEqual({
      status: row['Statut'],
      level: row['Taux'],
      achievement: row['Réalisation'],
      points: row['Points'],
      euros: row['Euros'],
    });
    expect(normalise(result.explanation.join(' ')).replace(/\s+/g, ' ')).toContain(row['L’explication dit']);
  });
});
