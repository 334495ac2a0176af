import type { ExceptionKind } from '../../domain/schedule-exception';

/** Time taken out of a practitioner's agenda at every site of the structure. */
export interface Absence {
  id: string;
  structureId: string;
  practitionerId: string;
  kind: ExceptionKind;
  startsAt: Date;
  endsAt: Date;
  /** The member who declared it. */
  declaredBy: string;
}

/** Absences (schedule exceptions); writes join the caller's transaction. */
export abstract class AbsenceRepository {
  abstract insert(absence: Absence): Promise<void>;

  /** Locks the row for the rest of the transaction. */
  abstract lockById(id: string): Promise<Absence | null>;

  abstract endAt(id: string, endsAt: Date): Promise<void>;

  /** Removes an absence ended before it began: none of its time remains (a zero-length one is no absence). */
  abstract withdraw(id: string): Promise<void>;
}
