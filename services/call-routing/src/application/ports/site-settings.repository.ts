import type { HolidayTerritory } from '../../domain/calendar/site-calendar';

export interface SiteCallSettings {
  siteId: string;
  structureId: string;
  territory: HolidayTerritory;
  workedHolidays: string[];
  dutyRoster: string[];
  /** The remote-secretary queue `remote_queue` actions use when they name none. */
  remoteQueue: string | null;
  /** The motif offered for booking on the phone; null: self-service booking takes a message instead. */
  bookingMotifId: string | null;
  updatedAt: Date;
  updatedBy: string | null;
}

export abstract class SiteSettingsRepository {
  abstract get(siteId: string): Promise<SiteCallSettings | null>;
  abstract save(settings: SiteCallSettings): Promise<SiteCallSettings>;
}
