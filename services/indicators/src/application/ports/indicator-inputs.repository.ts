/** Where a value a score uses comes from. `set` is for the catalogue values an administrator set (objectives…). */
export type Provenance = 'computed' | 'imported' | 'declared' | 'set';

/** A numerator and denominator imported from a file, or a value declared with its evidence, as stored. */
export interface IndicatorInput {
  structureId: string;
  /** `null` for the structure's own indicator (ACI). */
  practitionerId: string | null;
  indicatorCode: string;
  /** Normalised label: "2026", "2026-T1", "2026-03". */
  period: string;
  periodStart: string;
  periodEnd: string;
  catalogue: { code: string; version: string };
  numerator: number | null;
  denominator: number | null;
  /** A yes/no indicator's declared answer. */
  flag: boolean | null;
  origin: 'imported' | 'declared';
  /** Imported: the file as received and the line the value came from. */
  file: { name: string; sha256: string; line: number } | null;
  /** Declared: the reference of the document that proves it. */
  evidenceReference: string | null;
  recordedBy: string;
  recordedAt: Date;
}

/** A catalogue value a structure's administrator set, with its source. */
export interface StructureSetting {
  catalogue: string;
  indicatorCode: string;
  field: string;
  value: number;
  source: string;
  setBy: string;
  setAt: Date;
}

/** One change of a structure's setting: who, when, the old value and the new one. */
export interface SettingChange {
  catalogue: string;
  indicatorCode: string;
  field: string;
  oldValue: number | null;
  oldSource: string | null;
  newValue: number;
  source: string;
  changedBy: string;
  changedAt: Date;
}

/** Imported and declared values, the structure's settings and their audit; writes join the active transaction. */
export abstract class IndicatorInputsRepository {
  /** Current members of the structure by RPPS, for the numbers given (absent numbers are unknown). */
  abstract membersByRpps(structureId: string, rpps: readonly string[]): Promise<Map<string, string>>;
  /** One row per (structure, practitioner, indicator, period): a second import or declaration replaces the first. */
  abstract upsert(inputs: readonly IndicatorInput[]): Promise<void>;
  /** The values over exactly this period (its first and last days), of one practitioner or of everyone. */
  abstract ofPeriod(
    structureId: string,
    start: string,
    end: string,
    practitionerId: string | null,
  ): Promise<IndicatorInput[]>;
  abstract settings(structureId: string): Promise<StructureSetting[]>;
  /** The current setting of one field, locked until the transaction ends so two changes are audited in order. */
  abstract settingForUpdate(
    structureId: string,
    catalogue: string,
    indicatorCode: string,
    field: string,
  ): Promise<StructureSetting | null>;
  abstract saveSetting(structureId: string, setting: StructureSetting, change: SettingChange): Promise<void>;
  abstract auditTrail(structureId: string, indicatorCode: string | null): Promise<SettingChange[]>;
}
