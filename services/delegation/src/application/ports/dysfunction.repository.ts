export interface DysfunctionReport {
  id: string;
  structureId: string;
  taskId: string | null;
  protocolId: string | null;
  reportedBy: string;
  description: string;
  at: Date;
  isoWeek: string;
}

export abstract class DysfunctionRepository {
  abstract insert(report: DysfunctionReport): Promise<void>;
  abstract ofWeek(structureId: string, isoWeek: string): Promise<DysfunctionReport[]>;
}
