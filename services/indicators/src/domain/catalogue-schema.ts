import { z } from 'zod';

/**
 * The shape of one catalogue data file (`data/catalogue/*.yaml`). A new convention or avenant is a new file of this
 * shape, not new code: everything the scoring needs (objectives, points, weighting, euros per point, which rule) is
 * data, each value with its status and sources.
 */

/** How much we know of a single value. Only `confirmed` values were read in an official or cited source. */
export const VALUE_STATUSES = ['confirmed', 'to_be_completed', 'platform', 'set_by_structure'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

/** What the console shows beside a value. */
export const VALUE_STATUS_LABEL_FR: Record<ValueStatus, string> = {
  confirmed: 'confirmé',
  to_be_completed: 'à compléter',
  platform: 'hypothèse de la plateforme',
  set_by_structure: 'fixé par la structure',
};

export const INDICATOR_STATUSES = ['confirmed', 'partial', 'unconfirmed', 'platform'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

const text = z.string().trim().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** A value with its provenance. `null` means unknown: it must then be `to_be_completed`, and the reverse. */
function sourced<T extends z.ZodType>(value: T) {
  return z.strictObject({
    value: value.nullable(),
    status: z.enum(VALUE_STATUSES),
    sources: z.array(text).default([]),
    /** Why the value is what it is, or what is missing (for maintainers and administrators). */
    note: text.optional(),
    /** A figure seen only in non-authoritative code; shown for information, never used to score. */
    candidateFromThirdParty: z.union([z.number(), text]).optional(),
  });
}

const sourcedNumber = sourced(z.number().nonnegative());
const sourcedPositive = sourced(z.number().positive());
const sourcedCount = sourced(z.number().int().nonnegative());
export type Sourced<T> = { value: T | null; status: ValueStatus; sources: string[]; note?: string };

export const UNITS = ['rate', 'count', 'minutes', 'boolean'] as const;
export type IndicatorUnit = (typeof UNITS)[number];
export const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

const indicatorSchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'expected upper-case letters, digits and dashes'),
  label: text,
  /** `reconstructed`: the official wording could not be read; the label is a working one. */
  labelStatus: z.enum(['confirmed', 'reconstructed', 'platform']),
  family: text,
  subTheme: text.optional(),
  /** ACI: socle_prerequis / socle / optionnel; CPTS: socle / optionnel. */
  kind: z.enum(['socle_prerequis', 'socle', 'optionnel']).optional(),
  unit: z.enum(UNITS),
  /** A rate is numerator / denominator in percent (or per 100 patients): objectives are in the same unit. */
  direction: z.enum(DIRECTIONS).nullable(),
  declarative: sourced(z.boolean()),
  numerator: sourced(text),
  denominator: sourced(text).nullish(),
  /** For alerts: "12 patients diabétiques de plus avec deux HbA1c…". */
  numeratorNoun: z.strictObject({ singular: text, plural: text }).optional(),
  numeratorQualifier: text.optional(),
  minimumPopulation: sourcedCount.optional(),
  objectives: z.strictObject({ intermediate: sourcedNumber, target: sourcedNumber }).optional(),
  /** Points paid in full (`fixed`), prorated by the patient base (`weighted`), or per unit counted (`perUnit`). */
  points: z
    .strictObject({
      fixed: sourcedNumber.optional(),
      weighted: sourcedNumber.optional(),
      perUnit: sourcedNumber.optional(),
      maxUnits: sourcedCount.optional(),
    })
    .optional(),
  /** Overrides of the catalogue's defaults for this indicator. */
  pointValueEur: sourcedPositive.optional(),
  referencePatientBase: sourcedPositive.optional(),
  status: z.enum(INDICATOR_STATUSES),
  sources: z.array(text),
  introducedBy: text.optional(),
  notes: z.array(text).optional(),
});

const familySchema = z.strictObject({
  code: text,
  label: text,
  points: sourcedNumber.optional(),
  indicatorCount: sourcedCount.optional(),
});

/** How achievement is turned into a share of the points, as the catalogue's rules say. */
const scoringSchema = z.strictObject({
  /**
   * `piecewise_50_100`: 100 % at or beyond the target, 50 % at the intermediate objective, linear in between;
   * `threshold`: 100 % when the target is reached, else 0; `none`: no achievement rate (information only).
   */
  achievement: z.enum(['piecewise_50_100', 'threshold', 'none']),
  /** Below the intermediate objective: paid on progression (rule unconfirmed: not computed), or nothing. */
  belowIntermediate: z.enum(['progression_unconfirmed', 'zero']),
  /** Whether the achievement rule itself was read in a source for this catalogue. */
  ruleStatus: z.enum(VALUE_STATUSES),
  /** What the user is told about the rule's provenance (French). */
  ruleExplanation: text,
  /** `points`: points × achievement × weighting × € per point; `per_patient`: € per patient validated; `none`. */
  payment: z.enum(['points', 'per_patient', 'none']),
  /** Whether the weighting by patient base is capped at the reference (unknown for ROSP and ACI). */
  weightingCap: sourced(z.number().positive()).optional(),
});

export const catalogueFileSchema = z.strictObject({
  catalogue: z.string().regex(/^[A-Z0-9_]+$/, 'expected upper-case letters, digits and underscores'),
  version: text,
  label: text,
  programme: z.enum(['rosp', 'forfait_medecin_traitant', 'aci_msp', 'aci_cpts', 'operational']),
  /** Who the indicators are computed for and paid to. */
  scope: z.enum(['practitioner', 'structure']),
  /** Activity period the version applies to (inclusive); `null`: still in force. */
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  texts: z.array(text),
  status: z.enum(INDICATOR_STATUSES),
  scoring: scoringSchema,
  pointValueEur: sourcedPositive.optional(),
  referencePatientBase: sourcedPositive.optional(),
  eurosPerValidatedPatient: sourcedPositive.optional(),
  maxPoints: sourcedNumber.optional(),
  families: z.array(familySchema).min(1),
  indicators: z.array(indicatorSchema).min(1),
  notes: z.array(text).optional(),
});

export type CatalogueFile = z.infer<typeof catalogueFileSchema>;
export type IndicatorEntry = z.infer<typeof indicatorSchema>;
export type ScoringRules = z.infer<typeof scoringSchema>;
export type SourcedNumber = z.infer<typeof sourcedNumber>;
export { sourced };
