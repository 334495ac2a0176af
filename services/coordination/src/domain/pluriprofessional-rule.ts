import { isPhysicianProfession } from '@msp/contracts/professions';

/**
 * When a meeting counts as pluriprofessional (COO-4), per structure. The default is the ACI's reading: at least two
 * different professions present, one of them a physician's.
 */
export interface PluriprofessionalRule {
  minProfessions: number;
  physicianRequired: boolean;
}

export const DEFAULT_PLURIPROFESSIONAL_RULE: PluriprofessionalRule = { minProfessions: 2, physicianRequired: true };

/** The distinct professions of those present, sorted so the record reads the same however attendance was entered. */
export function professionsPresent(professions: readonly string[]): string[] {
  return [...new Set(professions)].sort();
}

export function meetsRule(present: readonly string[], rule: PluriprofessionalRule): boolean {
  const distinct = professionsPresent(present);
  if (distinct.length < rule.minProfessions) return false;
  return !rule.physicianRequired || distinct.some(isPhysicianProfession);
}
