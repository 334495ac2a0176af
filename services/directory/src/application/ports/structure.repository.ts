import type { StructureKind } from '../../domain/structure-kind';

export interface Structure {
  id: string;
  kind: StructureKind;
  name: string;
  /** FINESS number, 9 digits. */
  finess: string | null;
  /** The CPTS whose territory this MSP is in. */
  cptsId: string | null;
  createdAt: Date;
}

export abstract class StructureRepository {
  abstract findById(id: string): Promise<Structure | null>;
  /** Ordered by name. */
  abstract findByIds(ids: readonly string[]): Promise<Structure[]>;
  abstract exists(id: string): Promise<boolean>;
  abstract insert(structure: Structure): Promise<void>;
}
