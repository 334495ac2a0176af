import type { IndicatorValues } from './scoring';

/** The ACI MSP criteria the platform measures from the events rather than from a declaration or an import. */
export const COMPUTED_ACI_CODES = ['ACI-A2-PROTOCOLES', 'ACI-A2-CONCERTATION'] as const;
export type ComputedAciCode = (typeof COMPUTED_ACI_CODES)[number];

export interface AciFacts {
  protocolsInForce: number;
  /** Distinct patients reviewed in pluriprofessional meetings over the period. */
  patientsReviewed: readonly string[];
  /** The eligible population on the period's last day (or today, for a period under way); null when unknown. */
  eligible: { patientIds: readonly string[]; count: number } | null;
}

/**
 * The values `score()` takes: protocols as a count; concertation as the share of the eligible patients (aged 75+ or
 * in ALD) whose case was reviewed — a patient reviewed who is no longer eligible (moved away, médecin traitant
 * changed) does not count, so the share never exceeds 100 %. Without the population the share is unknown, not zero.
 */
export function aciValues(facts: AciFacts): Record<ComputedAciCode, IndicatorValues> {
  const eligible = facts.eligible ? new Set(facts.eligible.patientIds) : null;
  return {
    'ACI-A2-PROTOCOLES': { value: facts.protocolsInForce },
    'ACI-A2-CONCERTATION': eligible
      ? {
          numerator: facts.patientsReviewed.filter((id) => eligible.has(id)).length,
          denominator: facts.eligible?.count ?? 0,
        }
      : { numerator: null, denominator: null },
  };
}
