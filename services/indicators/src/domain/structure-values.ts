import type { IndicatorDefinition } from './catalogue-loader';
import type { SourcedNumber } from './catalogue-schema';
import { IndicatorsError } from './indicators-error';

/** The values a structure's administrator may fill in where the catalogue says "à compléter". */
export const SETTABLE_PATHS = [
  'objectives.intermediate',
  'objectives.target',
  'minimumPopulation',
  'points.fixed',
  'points.weighted',
  'points.perUnit',
  'points.maxUnits',
  'pointValueEur',
  'referencePatientBase',
] as const;
export type SettablePath = (typeof SETTABLE_PATHS)[number];

export interface StructureValue {
  path: SettablePath;
  value: number;
  /** Where the administrator read it (the official text, the insurer's statement…): required. */
  source: string;
}

function current(indicator: IndicatorDefinition, path: SettablePath): SourcedNumber | null | undefined {
  switch (path) {
    case 'objectives.intermediate':
      return indicator.objectives?.intermediate;
    case 'objectives.target':
      return indicator.objectives?.target;
    case 'minimumPopulation':
      return indicator.minimumPopulation;
    case 'points.fixed':
    case 'points.weighted':
    case 'points.perUnit':
    case 'points.maxUnits':
      return indicator.points?.[path.slice('points.'.length) as 'fixed' | 'weighted' | 'perUnit' | 'maxUnits'];
    case 'pointValueEur':
      return indicator.pointValueEur;
    case 'referencePatientBase':
      return indicator.referencePatientBase;
  }
}

/** Whether the catalogue confirms this value (a cited source): then no structure may set it. */
export function isConfirmed(indicator: IndicatorDefinition, path: SettablePath): boolean {
  return current(indicator, path)?.status === 'confirmed';
}

/**
 * The indicator as one structure scores it: the values its administrator set, each with its source, in place of the
 * catalogue's "à compléter" (or of a platform default). A value the catalogue confirms cannot be overridden.
 */
export function withStructureValues(
  indicator: IndicatorDefinition,
  values: readonly StructureValue[],
): IndicatorDefinition {
  const next: IndicatorDefinition = {
    ...indicator,
    objectives: indicator.objectives && { ...indicator.objectives },
    points: indicator.points && { ...indicator.points },
  };
  values.forEach((v, i) => {
    const field = `values[${i}]`;
    if (!(SETTABLE_PATHS as readonly string[]).includes(v.path)) {
      throw IndicatorsError.invalid(`${field}.path`, `expected one of ${SETTABLE_PATHS.join(', ')}`);
    }
    if (!Number.isFinite(v.value) || v.value < 0)
      throw IndicatorsError.invalid(`${field}.value`, 'must be a number ≥ 0');
    if (v.source.trim() === '') throw IndicatorsError.invalid(`${field}.source`, 'say where the value comes from');
    const existing = current(indicator, v.path);
    if (existing?.status === 'confirmed') {
      throw IndicatorsError.invalid(
        `${field}.path`,
        `${indicator.code} ${v.path} is confirmed by ${existing.sources.join(', ')}`,
      );
    }
    const replacement: SourcedNumber = { value: v.value, status: 'set_by_structure', sources: [v.source.trim()] };
    if (v.path === 'objectives.intermediate' || v.path === 'objectives.target') {
      const key = v.path === 'objectives.intermediate' ? 'intermediate' : 'target';
      const empty: SourcedNumber = { value: null, status: 'to_be_completed', sources: [] };
      next.objectives = {
        intermediate: next.objectives?.intermediate ?? empty,
        target: next.objectives?.target ?? empty,
      };
      next.objectives[key] = replacement;
    } else if (v.path.startsWith('points.')) {
      next.points = { ...next.points, [v.path.slice('points.'.length)]: replacement };
    } else if (v.path === 'minimumPopulation') {
      next.minimumPopulation = replacement;
    } else if (v.path === 'pointValueEur') {
      next.pointValueEur = replacement;
    } else {
      next.referencePatientBase = replacement;
    }
  });
  return next;
}
