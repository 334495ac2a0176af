import type { PluriprofessionalRule } from '../../domain/pluriprofessional-rule';

export interface StructureRule extends PluriprofessionalRule {
  structureId: string;
  /** Null while the structure keeps the default rule. */
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** Each structure's pluriprofessional rule (coordination_settings); the default when it never set one. */
export abstract class PluriprofessionalRules {
  abstract of(structureId: string): Promise<StructureRule>;
  abstract set(structureId: string, rule: PluriprofessionalRule, by: string, at: Date): Promise<void>;
}
