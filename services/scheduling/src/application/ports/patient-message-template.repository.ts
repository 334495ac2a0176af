import type { PatientMessageKind, PatientMessageTemplate } from '../../domain/patient-message';

export interface StoredPatientMessageTemplate extends PatientMessageTemplate {
  kind: PatientMessageKind;
  updatedBy: string;
  updatedAt: Date;
}

/** The texts a structure's administrators wrote for its messages to patients; a kind without one uses the default. */
export abstract class PatientMessageTemplateRepository {
  abstract ofStructure(structureId: string): Promise<StoredPatientMessageTemplate[]>;

  abstract find(structureId: string, kind: PatientMessageKind): Promise<StoredPatientMessageTemplate | null>;

  abstract save(
    structureId: string,
    template: PatientMessageTemplate & { kind: PatientMessageKind },
    updatedBy: string,
    at: Date,
  ): Promise<void>;

  /** Back to the default text; true when there was one to remove. */
  abstract remove(structureId: string, kind: PatientMessageKind): Promise<boolean>;
}
