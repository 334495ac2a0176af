import type { IndicatorDefinition } from './catalogue-loader';
import type { SourcedNumber } from './catalogue-schema';
import { frEuros, frNumber, frPercent, frShare } from './french-format';
import { IndicatorsError } from './indicators-error';

/** What was measured for one practitioner or structure over one period. */
export interface IndicatorValues {
  numerator?: number | null;
  denominator?: number | null;
  /** A count, minutes or a yes/no measured directly (indicators that are not rates). */
  value?: number | boolean | null;
  /** The starting level ("taux de départ") in the indicator's unit, for the progression below the intermediate objective. */
  startingLevel?: number | null;
}

export interface ScoringContext {
  scope: 'practitioner' | 'structure';
  /** Inclusive dates YYYY-MM-DD, said in the explanation. */
  period: { start: string; end: string };
  /** Patientèle médecin traitant (ROSP), or that of the SISA's associates (ACI): weights the weighted points. */
  patientBase?: number | null;
}

export type ScoreStatus =
  /** Achievement and, if the catalogue pays, euros computed. */
  | 'scored'
  /** Fewer patients in the denominator than the minimum: the indicator is not paid. */
  | 'below_minimum_population'
  /** Nothing measured yet. */
  | 'no_data'
  /** An objective, points or weighting value is still "à compléter": what is known is shown, the rest is not guessed. */
  | 'incomplete'
  /** Below the intermediate objective where payment depends on progression, a rule no source confirms. */
  | 'rule_unconfirmed'
  /** Measured only: no achievement rule (operational indicators without objectives, CPTS missions). */
  | 'measured';

export interface ObjectiveCheck {
  value: number | null;
  reached: boolean | null;
}

export interface Score {
  catalogue: string;
  version: string;
  indicatorCode: string;
  label: string;
  scope: ScoringContext['scope'];
  period: ScoringContext['period'];
  status: ScoreStatus;
  /** In the indicator's unit: percent for a rate; 1/0 for a boolean. */
  level: number | null;
  population: { minimum: number | null; actual: number | null; met: boolean | null };
  objectives: { intermediate: ObjectiveCheck; target: ObjectiveCheck };
  /** Share of the points earned, 0..1. */
  achievementRate: number | null;
  /** Below the intermediate objective: share of the way from the starting level to it (information only). */
  progressionRate: number | null;
  points: { maximum: number | null; earned: number | null; weighted: number | null };
  weighting: { patientBase: number; reference: number; factor: number } | null;
  estimatedEuros: number | null;
  /** What the user must know is not confirmed by an official text (French). */
  unconfirmed: string[];
  /** How the figure was computed, step by step (French). */
  explanation: string[];
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function checkNumber(field: string, n: number | null | undefined): number | null {
  if (n === null || n === undefined) return null;
  if (!Number.isFinite(n) || n < 0) throw IndicatorsError.invalid(field, 'must be a finite number ≥ 0');
  return n;
}

function levelOf(
  indicator: IndicatorDefinition,
  values: IndicatorValues,
): { level: number | null; population: number | null } {
  const numerator = checkNumber('values.numerator', values.numerator);
  const denominator = checkNumber('values.denominator', values.denominator);
  if (indicator.unit === 'rate') {
    if (values.value !== undefined && values.value !== null) {
      throw IndicatorsError.invalid('values.value', 'a rate is given by its numerator and denominator');
    }
    if (numerator === null || denominator === null) return { level: null, population: denominator };
    if (!Number.isInteger(numerator) || !Number.isInteger(denominator)) {
      throw IndicatorsError.invalid(
        'values.numerator',
        'numerator and denominator count patients or acts: whole numbers',
      );
    }
    return { level: denominator === 0 ? null : (numerator / denominator) * 100, population: denominator };
  }
  if (indicator.unit === 'boolean') {
    if (values.value === undefined || values.value === null) return { level: null, population: null };
    if (typeof values.value !== 'boolean') throw IndicatorsError.invalid('values.value', 'expected true or false');
    return { level: values.value ? 1 : 0, population: null };
  }
  if (typeof values.value === 'boolean')
    throw IndicatorsError.invalid('values.value', `expected a number of ${indicator.unit}`);
  return { level: checkNumber('values.value', values.value ?? numerator), population: denominator };
}

function unitText(indicator: IndicatorDefinition, n: number): string {
  switch (indicator.unit) {
    case 'rate':
      return frPercent(n);
    case 'minutes':
      return `${frNumber(n)} min`;
    case 'boolean':
      return n >= 1 ? 'oui' : 'non';
    case 'count':
      return frNumber(n);
  }
}

function known(value: SourcedNumber | undefined | null): number | null {
  return value?.value ?? null;
}

/** Why a value is trusted or not, said once per value the computation used. */
function provenance(name: string, value: SourcedNumber | undefined | null, unconfirmed: string[]): void {
  if (!value) return;
  if (value.status === 'to_be_completed') unconfirmed.push(`${name} : à compléter (aucune source officielle lue).`);
  else if (value.status === 'platform')
    unconfirmed.push(`${name} : hypothèse de la plateforme, pas une règle officielle.`);
  else if (value.status === 'set_by_structure')
    unconfirmed.push(`${name} : fixé par la structure (${value.sources.join(', ')}).`);
}

/**
 * Scores one indicator for one practitioner or structure over one period: level, minimum population, objectives,
 * achievement, points, patient-base weighting and estimated euros, with the French explanation the user sees. Pure:
 * every rule and figure comes from the indicator's catalogue data; what no source confirms is not guessed but said.
 */
export function score(indicator: IndicatorDefinition, values: IndicatorValues, context: ScoringContext): Score {
  const patientBase = checkNumber('context.patientBase', context.patientBase);
  const { level, population } = levelOf(indicator, values);
  const startingLevel = checkNumber('values.startingLevel', values.startingLevel);
  const rules = indicator.scoring;
  const unconfirmed: string[] = [];
  const explanation: string[] = [];
  const who = context.scope === 'practitioner' ? 'le praticien' : 'la structure';
  const better = (a: number, b: number) => (indicator.direction === 'lower_is_better' ? a <= b : a >= b);

  const result: Score = {
    catalogue: indicator.catalogue.code,
    version: indicator.catalogue.version,
    indicatorCode: indicator.code,
    label: indicator.label,
    scope: context.scope,
    period: context.period,
    status: 'measured',
    level: level === null ? null : round(level, 4),
    population: { minimum: known(indicator.minimumPopulation), actual: population, met: null },
    objectives: {
      intermediate: { value: known(indicator.objectives?.intermediate), reached: null },
      target: { value: known(indicator.objectives?.target), reached: null },
    },
    achievementRate: null,
    progressionRate: null,
    points: { maximum: null, earned: null, weighted: null },
    weighting: null,
    estimatedEuros: null,
    unconfirmed,
    explanation,
  };

  explanation.push(
    `${indicator.code} — ${indicator.label} (${indicator.catalogue.label}, version ${indicator.catalogue.version}), pour ${who}, du ${context.period.start} au ${context.period.end}.`,
  );
  if (indicator.labelStatus === 'reconstructed') {
    unconfirmed.push('Libellé reconstitué : le libellé officiel n’a pas pu être lu.');
  }
  if (indicator.declarative.value === true) {
    explanation.push('Indicateur déclaratif : la valeur est déclarée avec son justificatif.');
  }

  if (level === null) {
    result.status = 'no_data';
    explanation.push(
      population === 0
        ? 'Aucun patient dans le dénominateur : pas de taux.'
        : 'Aucune valeur mesurée pour cette période.',
    );
    return finish(result);
  }
  explanation.push(
    indicator.unit === 'rate'
      ? `Taux : ${values.numerator} / ${values.denominator} = ${frPercent(level)}.`
      : `Valeur mesurée : ${unitText(indicator, level)}.`,
  );

  // Minimum population ("seuil minimal"): below it the indicator is not paid.
  const minimum = result.population.minimum;
  if (indicator.minimumPopulation && population !== null) {
    provenance('Seuil minimal', indicator.minimumPopulation, unconfirmed);
    if (minimum !== null) {
      result.population.met = population >= minimum;
      if (!result.population.met) {
        result.status = 'below_minimum_population';
        result.estimatedEuros = rules.payment === 'none' ? null : 0;
        if (rules.payment === 'points') result.points = { maximum: null, earned: 0, weighted: 0 };
        explanation.push(
          `Seuil minimal non atteint : ${population} patient${population > 1 ? 's' : ''} pour un minimum de ${minimum} ; l’indicateur n’est pas rémunéré.`,
        );
        return finish(result);
      }
      explanation.push(`Seuil minimal atteint : ${population} patients (minimum ${minimum}).`);
    }
  }

  const intermediate = result.objectives.intermediate.value;
  const target = result.objectives.target.value;
  if (intermediate !== null) result.objectives.intermediate.reached = better(level, intermediate);
  if (target !== null) result.objectives.target.reached = better(level, target);
  if (indicator.objectives) {
    provenance('Objectif intermédiaire', indicator.objectives.intermediate, unconfirmed);
    provenance('Objectif cible', indicator.objectives.target, unconfirmed);
    const sign = indicator.direction === 'lower_is_better' ? '≤' : '≥';
    const say = (name: string, check: ObjectiveCheck) =>
      check.value === null
        ? `${name} : à compléter.`
        : `${name} (${sign} ${unitText(indicator, check.value)}) ${check.reached ? 'atteint' : 'non atteint'}.`;
    explanation.push(
      say('Objectif intermédiaire', result.objectives.intermediate),
      say('Objectif cible', result.objectives.target),
    );
    if (indicator.direction === 'lower_is_better') explanation.push('Plus la valeur est basse, mieux c’est.');
  }

  achievement(indicator, level, startingLevel, result);
  pay(indicator, level, values, patientBase, result);
  return finish(result);
}

function achievement(indicator: IndicatorDefinition, level: number, startingLevel: number | null, result: Score): void {
  const rules = indicator.scoring;
  // A count without objectives (protocols paid per unit) has no achievement rate to compute.
  if (rules.achievement === 'none' || (!indicator.objectives && indicator.unit !== 'boolean')) return;
  if (rules.ruleStatus !== 'confirmed') result.unconfirmed.push(rules.ruleExplanation);
  const { intermediate, target } = result.objectives;

  if (indicator.unit === 'boolean' && !indicator.objectives) {
    result.achievementRate = level >= 1 ? 1 : 0;
  } else if (target.reached === true) {
    result.achievementRate = 1;
  } else if (target.value === null || (rules.achievement === 'piecewise_50_100' && intermediate.value === null)) {
    result.status = 'incomplete';
    result.explanation.push('Taux de réalisation non calculé : objectif à compléter.');
    return;
  } else if (rules.achievement === 'threshold') {
    result.achievementRate = 0;
  } else if (intermediate.reached === true && intermediate.value !== null) {
    const distance = Math.abs(level - intermediate.value) / Math.abs(target.value - intermediate.value);
    result.achievementRate = 0.5 + 0.5 * distance;
    result.explanation.push(
      `Entre les deux objectifs : 50 % + 50 % × ${frNumber(Math.abs(level - intermediate.value))} / ${frNumber(Math.abs(target.value - intermediate.value))} = ${frShare(result.achievementRate)}.`,
    );
  } else if (rules.belowIntermediate === 'zero') {
    result.achievementRate = 0;
  } else if (intermediate.value !== null) {
    result.status = 'rule_unconfirmed';
    if (startingLevel !== null && startingLevel !== intermediate.value) {
      result.progressionRate = round((level - startingLevel) / (intermediate.value - startingLevel), 4);
      result.explanation.push(
        `Progression depuis le niveau de départ (${unitText(indicator, startingLevel)}) vers l’objectif intermédiaire : ${frShare(result.progressionRate)}.`,
      );
    }
    result.explanation.push(
      'Sous l’objectif intermédiaire, la rémunération dépend de la progression ; cette règle n’est pas confirmée par un texte officiel lu : aucun montant n’est estimé.',
    );
    return;
  }
  result.explanation.push(`Taux de réalisation : ${frShare(result.achievementRate ?? 0)}.`);
}

function pay(
  indicator: IndicatorDefinition,
  level: number,
  values: IndicatorValues,
  patientBase: number | null,
  result: Score,
): void {
  const rules = indicator.scoring;
  if (rules.payment === 'none') {
    if (result.status === 'measured' && result.achievementRate !== null) result.status = 'scored';
    return;
  }
  if (rules.payment === 'per_patient') {
    const perPatient = known(indicator.eurosPerValidatedPatient);
    provenance('Montant par patient', indicator.eurosPerValidatedPatient, result.unconfirmed);
    if (rules.ruleStatus !== 'confirmed' && rules.achievement === 'none')
      result.unconfirmed.push(rules.ruleExplanation);
    const patients = values.numerator ?? null;
    if (perPatient === null || patients === null) {
      result.status = 'incomplete';
      return;
    }
    result.estimatedEuros = round(patients * perPatient, 2);
    result.status = 'scored';
    result.explanation.push(
      `Estimation : ${patients} patients validés × ${frEuros(perPatient)} = ${frEuros(result.estimatedEuros)}.`,
    );
    return;
  }

  // Points.
  const points = indicator.points ?? {};
  const pointValue = known(indicator.pointValueEur);
  provenance('Valeur du point', indicator.pointValueEur, result.unconfirmed);
  provenance('Points fixes', points.fixed, result.unconfirmed);
  provenance('Points variables', points.weighted, result.unconfirmed);
  provenance('Points par unité', points.perUnit, result.unconfirmed);

  if (points.perUnit) {
    const perUnit = known(points.perUnit);
    const cap = known(points.maxUnits);
    if (points.maxUnits && cap === null) result.unconfirmed.push('Nombre maximal d’unités rémunérées : à compléter.');
    if (perUnit === null || pointValue === null) {
      result.status = 'incomplete';
      return;
    }
    const units = cap === null ? level : Math.min(level, cap);
    result.points = {
      maximum: cap === null ? null : cap * perUnit,
      earned: units * perUnit,
      weighted: units * perUnit,
    };
    result.estimatedEuros = round(units * perUnit * pointValue, 2);
    result.status = 'scored';
    result.explanation.push(
      `Points : ${frNumber(units)} × ${frNumber(perUnit)} = ${frNumber(units * perUnit)} points × ${frEuros(pointValue)} = ${frEuros(result.estimatedEuros)}.`,
    );
    return;
  }

  const fixed = points.fixed ? known(points.fixed) : 0;
  const weighted = points.weighted ? known(points.weighted) : 0;
  result.points.maximum = fixed === null || weighted === null ? null : fixed + weighted;
  if (result.achievementRate === null) return;
  if (fixed === null || weighted === null || pointValue === null) {
    result.status = 'incomplete';
    result.explanation.push('Points ou valeur du point à compléter : aucun montant estimé.');
    return;
  }

  let factor = 1;
  if (weighted > 0) {
    const reference = known(indicator.referencePatientBase);
    provenance('Patientèle de référence', indicator.referencePatientBase, result.unconfirmed);
    if (reference === null || patientBase === null) {
      result.status = 'incomplete';
      result.explanation.push(
        reference === null
          ? 'Patientèle de référence à compléter.'
          : 'Patientèle du praticien ou de la structure non renseignée.',
      );
      return;
    }
    factor = patientBase / reference;
    const cap = rules.weightingCap;
    if (cap?.value != null && factor > cap.value) factor = cap.value;
    if (!cap || cap.value === null) {
      result.unconfirmed.push('Plafonnement de la pondération par la patientèle : non confirmé, non appliqué.');
    }
    result.weighting = { patientBase, reference, factor: round(factor, 4) };
  }

  const earned = result.achievementRate * (fixed + weighted);
  const weightedEarned = result.achievementRate * (fixed + weighted * factor);
  result.points.earned = round(earned, 2);
  result.points.weighted = round(weightedEarned, 2);
  result.estimatedEuros = round(weightedEarned * pointValue, 2);
  result.status = 'scored';
  const parts = [
    `${frNumber(fixed + weighted)} points × ${frShare(result.achievementRate)} = ${frNumber(earned)} points`,
  ];
  if (weighted > 0 && result.weighting) {
    parts.push(
      fixed > 0
        ? `dont ${frNumber(weighted * result.achievementRate)} points variables × patientèle ${frNumber(result.weighting.patientBase)} / ${frNumber(result.weighting.reference)} = ${frNumber(weighted * result.achievementRate * factor)} ; total ${frNumber(weightedEarned)} points`
        : `× patientèle ${frNumber(result.weighting.patientBase)} / ${frNumber(result.weighting.reference)} = ${frNumber(weightedEarned)} points`,
    );
  }
  parts.push(`× ${frEuros(pointValue)} = ${frEuros(result.estimatedEuros)} (estimation)`);
  result.explanation.push(`Rémunération : ${parts.join(' ; ')}.`);
}

function finish(result: Score): Score {
  if (result.achievementRate !== null) result.achievementRate = round(result.achievementRate, 4);
  if (result.unconfirmed.length > 0) {
    result.explanation.push(`Non confirmé par un texte officiel : ${result.unconfirmed.join(' ')}`);
  }
  return result;
}

/** A structure's measure from its practitioners': numerators and denominators are summed (not the rates averaged). */
export function combineValues(values: readonly IndicatorValues[]): IndicatorValues {
  let numerator = 0;
  let denominator = 0;
  let measured = false;
  for (const v of values) {
    if (v.numerator == null || v.denominator == null) continue;
    numerator += v.numerator;
    denominator += v.denominator;
    measured = true;
  }
  return measured ? { numerator, denominator } : {};
}
