/**
 * One read of one patient's identity: who, when, through which operation. A read by no member (online booking's
 * self-service, a platform service) has the nil UUID as `memberId` and an operation `<channel>:<what>`; a service's
 * read of a structure's patients as a whole (counts and opaque ids) names no patient.
 */
export interface PatientAccessEntry {
  id: string;
  at: Date;
  memberId: string;
  patientId: string | null;
  structureId: string;
  operation: string;
}

export interface AccessLogQuery {
  structureId: string;
  patientId?: string | null;
  memberId?: string | null;
  limit: number;
}

/** Append-only. */
export abstract class PatientAccessLogRepository {
  /** Must run inside the transaction of the read it records (ADR 0006): refuses to run outside one. */
  abstract append(entries: ReadonlyArray<Omit<PatientAccessEntry, 'id'>>): Promise<void>;
  /** Newest first. */
  abstract list(query: AccessLogQuery): Promise<PatientAccessEntry[]>;
}
