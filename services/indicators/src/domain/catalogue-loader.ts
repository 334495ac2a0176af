import {
  type CatalogueFile,
  catalogueFileSchema,
  type IndicatorEntry,
  type ScoringRules,
  type Sourced,
  type SourcedNumber,
} from './catalogue-schema';
import { type CatalogueProblem, IndicatorsError, IndicatorsErrorCode } from './indicators-error';

/** A data file as read from disk and parsed (YAML or JSON): the loader never touches the file system. */
export interface CatalogueSource {
  file: string;
  content: unknown;
}

export interface CatalogueHeader {
  code: string;
  version: string;
  label: string;
  programme: CatalogueFile['programme'];
  scope: CatalogueFile['scope'];
  validFrom: string;
  validTo: string | null;
}

/** An indicator with everything its scoring needs, the catalogue's defaults already applied. */
export interface IndicatorDefinition extends Omit<IndicatorEntry, 'pointValueEur' | 'referencePatientBase'> {
  catalogue: CatalogueHeader;
  familyLabel: string;
  scoring: ScoringRules;
  pointValueEur: SourcedNumber | null;
  referencePatientBase: SourcedNumber | null;
  eurosPerValidatedPatient: SourcedNumber | null;
}

export interface Catalogue extends CatalogueHeader {
  file: string;
  texts: string[];
  status: CatalogueFile['status'];
  families: CatalogueFile['families'];
  maxPoints: SourcedNumber | null;
  notes: string[];
  indicators: IndicatorDefinition[];
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** Every sourced value in the parsed file, with its path, for the rules the schema cannot say. */
function sourcedValues(node: unknown, path: string, out: Array<{ path: string; value: Sourced<unknown> }>): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => sourcedValues(item, `${path}[${i}]`, out));
  } else if (node !== null && typeof node === 'object') {
    if ('status' in node && 'value' in node && 'sources' in node) {
      out.push({ path, value: node as Sourced<unknown> });
      return;
    }
    for (const [key, child] of Object.entries(node)) sourcedValues(child, path ? `${path}.${key}` : key, out);
  }
}

function crossCheck(file: string, parsed: CatalogueFile): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ file, path, message });

  const values: Array<{ path: string; value: Sourced<unknown> }> = [];
  sourcedValues(parsed, '', values);
  for (const { path, value } of values) {
    if (value.value === null && value.status !== 'to_be_completed') {
      problem(`${path}.status`, `an empty value must be "to_be_completed", not "${value.status}"`);
    }
    if (value.value !== null && value.status === 'to_be_completed') {
      problem(`${path}.value`, 'a value "to_be_completed" must stay empty (null) until a source confirms it');
    }
    if (value.status === 'confirmed' && value.sources.length === 0) {
      problem(`${path}.sources`, 'a confirmed value needs at least one source');
    }
    if (value.status === 'set_by_structure') {
      problem(`${path}.status`, '"set_by_structure" is set by a structure administrator, never in a catalogue file');
    }
  }

  if (parsed.validTo !== null && parsed.validTo < parsed.validFrom) {
    problem('validTo', `ends (${parsed.validTo}) before it starts (${parsed.validFrom})`);
  }
  const families = new Set(parsed.families.map((f) => f.code));
  const seen = new Map<string, number>();
  parsed.indicators.forEach((indicator, i) => {
    const at = `indicators[${i}]`;
    const first = seen.get(indicator.code);
    if (first !== undefined) problem(`${at}.code`, `${indicator.code} is already defined at indicators[${first}]`);
    else seen.set(indicator.code, i);
    if (!families.has(indicator.family)) {
      problem(
        `${at}.family`,
        `${indicator.code}: unknown family "${indicator.family}" (declared: ${[...families].join(', ')})`,
      );
    }
    if (indicator.unit === 'rate' && !indicator.denominator) {
      problem(`${at}.denominator`, `${indicator.code}: a rate needs a denominator definition`);
    }
    const intermediate = indicator.objectives?.intermediate.value ?? null;
    const target = indicator.objectives?.target.value ?? null;
    if (intermediate !== null && target !== null && indicator.direction !== null) {
      const ordered = indicator.direction === 'higher_is_better' ? intermediate <= target : intermediate >= target;
      if (!ordered) {
        problem(
          `${at}.objectives`,
          `${indicator.code}: with ${indicator.direction} the intermediate objective (${intermediate}) must not be beyond the target (${target})`,
        );
      }
    }
    if (indicator.objectives && indicator.direction === null && indicator.unit !== 'boolean') {
      problem(`${at}.direction`, `${indicator.code}: objectives on a ${indicator.unit} need a direction`);
    }
    if (parsed.scoring.payment === 'points' && indicator.points === undefined) {
      problem(
        `${at}.points`,
        `${indicator.code}: the catalogue pays points, so each indicator states its points (null if unknown)`,
      );
    }
  });
  if (parsed.scoring.payment === 'points' && parsed.pointValueEur === undefined) {
    problem('pointValueEur', 'the catalogue pays points: state the value of a point');
  }
  if (parsed.scoring.payment === 'per_patient' && parsed.eurosPerValidatedPatient === undefined) {
    problem('eurosPerValidatedPatient', 'the catalogue pays per patient: state the amount per validated patient');
  }
  return problems;
}

function toCatalogue(file: string, parsed: CatalogueFile): Catalogue {
  const header: CatalogueHeader = {
    code: parsed.catalogue,
    version: parsed.version,
    label: parsed.label,
    programme: parsed.programme,
    scope: parsed.scope,
    validFrom: parsed.validFrom,
    validTo: parsed.validTo,
  };
  const familyLabels = new Map(parsed.families.map((f) => [f.code, f.label]));
  return {
    ...header,
    file,
    texts: parsed.texts,
    status: parsed.status,
    families: parsed.families,
    maxPoints: parsed.maxPoints ?? null,
    notes: parsed.notes ?? [],
    indicators: parsed.indicators.map((indicator) => ({
      ...indicator,
      catalogue: header,
      familyLabel: familyLabels.get(indicator.family) ?? indicator.family,
      scoring: parsed.scoring,
      pointValueEur: indicator.pointValueEur ?? parsed.pointValueEur ?? null,
      referencePatientBase: indicator.referencePatientBase ?? parsed.referencePatientBase ?? null,
      eurosPerValidatedPatient: parsed.eurosPerValidatedPatient ?? null,
    })),
  };
}

/** Checks one parsed file against the schema and the catalogue rules; every problem is reported, not only the first. */
export function validateCatalogue(source: CatalogueSource): {
  catalogue: Catalogue | null;
  problems: CatalogueProblem[];
} {
  const result = catalogueFileSchema.safeParse(source.content);
  if (!result.success) {
    return {
      catalogue: null,
      problems: result.error.issues.map((issue) => ({
        file: source.file,
        path: pathOf(issue.path),
        message: issue.message,
      })),
    };
  }
  const problems = crossCheck(source.file, result.data);
  return { catalogue: problems.length === 0 ? toCatalogue(source.file, result.data) : null, problems };
}

/** Loads every catalogue version at once; refuses them all, naming each file and path at fault, if any is wrong. */
export function loadCatalogues(sources: readonly CatalogueSource[]): Catalogue[] {
  const problems: CatalogueProblem[] = [];
  const catalogues: Catalogue[] = [];
  const versions = new Map<string, string>();
  for (const source of sources) {
    const checked = validateCatalogue(source);
    problems.push(...checked.problems);
    if (!checked.catalogue) continue;
    const key = `${checked.catalogue.code}@${checked.catalogue.version}`;
    const other = versions.get(key);
    if (other) problems.push({ file: source.file, path: 'version', message: `${key} is also defined in ${other}` });
    else versions.set(key, source.file);
    catalogues.push(checked.catalogue);
  }
  if (problems.length > 0) throw IndicatorsError.invalidCatalogue(problems);
  return catalogues;
}

/** The version of a catalogue that applies to an activity date (YYYY-MM-DD): a new avenant is a new file. */
export function catalogueInForce(catalogues: readonly Catalogue[], code: string, activityDate: string): Catalogue {
  const matching = catalogues.filter(
    (c) => c.code === code && c.validFrom <= activityDate && (c.validTo === null || activityDate <= c.validTo),
  );
  if (matching.length === 0) {
    throw new IndicatorsError(
      IndicatorsErrorCode.NotFound,
      `catalogueCode: no version of ${code} applies on ${activityDate}`,
      'catalogueCode',
    );
  }
  // Overlapping versions: the latest start wins, as a later avenant replaces the earlier rules.
  return matching.reduce((latest, c) => (c.validFrom > latest.validFrom ? c : latest));
}
