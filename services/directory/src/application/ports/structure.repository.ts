import type { StructureKind } from '../../domain/structure-kind';

export interface Structure {
  id: string;
  kind: StructureKind;
  name: string;
  /** FINESS number, 9 digits. */
  finess: string | null;
  /** The CPTS whose territory this MSP is in. */
  cptsId: string | null;
  /** IANA zone, the default of the sites it opens (Europe/Paris unless the operator said otherwise). */
  timeZone: string;
  createdAt: Date;
}

export abstract class StructureRepository {
  abstract findById(id: string): Promise<Structure | null>;
  /** Ordered by name. */
  abstract findByIds(ids: readonly string[]): Promise<Structure[]>;
  abstract exists(id: string): Promise<boolean>;
  abstract insert(structure: Structure): Promise<void>;
  /** Structures of this kind whose name is this one, without case or accents. */
  abstract findByName(kind: StructureKind, name: string): Promise<Structure[]>;
  abstract findByFiness(finess: string): Promise<Structure | null>;
  /** The MSPs attached to a CPTS, by name. */
  abstract mspsOf(cptsId: string): Promise<Structure[]>;
  /** Serialises structure creations until the transaction ends, so two identical onboardings cannot both create. */
  abstract lockCreations(): Promise<void>;
}
