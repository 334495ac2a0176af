import type { OpeningHours } from '../../domain/opening-hours';

export interface Site {
  id: string;
  structureId: string;
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
  /** E.164 numbers of the site's phone lines. */
  phoneLines: string[];
  /** IANA zone. */
  timeZone: string;
  openingHours: OpeningHours[];
  createdAt: Date;
}

export abstract class SiteRepository {
  abstract findById(id: string): Promise<Site | null>;
  /** Locks the site for the rest of the transaction. */
  abstract lockById(id: string): Promise<Site | null>;
  abstract findByIds(ids: readonly string[]): Promise<Site[]>;
  /** The sites of these structures, by name. */
  abstract ofStructures(structureIds: readonly string[]): Promise<Site[]>;
  /** Those of `ids` that are sites of the structure. */
  abstract idsInStructure(structureId: string, ids: readonly string[]): Promise<string[]>;
  /** A site of any structure with this E.164 number among its lines. */
  abstract findByPhoneLine(phone: string): Promise<Site | null>;
  /** Every site, ordered by id. */
  abstract all(): Promise<Site[]>;
  abstract insert(site: Site): Promise<void>;
  abstract update(site: Site): Promise<void>;
}
