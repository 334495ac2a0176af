import type {
  AgendaAbsence,
  AgendaAppointment,
  AgendaMeetingBlock,
  AgendaPractitioner,
  AgendaSite,
} from '../../domain/agenda-view';
import type { LocalDate } from '../../domain/local-date';
import type { OpeningRange } from '../../domain/opening-range';

export interface AppointmentWindow {
  start: Date;
  end: Date;
  now: Date;
}

/** Reads of the shared agenda views (SCH-7), the federated fields (GW-1) and free/busy; read-only. */
export abstract class AgendaViewRepository {
  abstract structureSites(structureId: string): Promise<AgendaSite[]>;

  /** Current members practising at one of the sites, or with a range there; optionally of one profession. */
  abstract practitioners(
    structureId: string,
    siteIds: readonly string[],
    profession?: string | null,
  ): Promise<AgendaPractitioner[]>;

  abstract appointmentsAtSites(
    structureId: string,
    siteIds: readonly string[],
    window: AppointmentWindow,
  ): Promise<AgendaAppointment[]>;

  abstract appointmentsOfPractitioners(
    practitionerIds: readonly string[],
    structureIds: readonly string[],
    window: AppointmentWindow,
  ): Promise<AgendaAppointment[]>;

  abstract appointmentsOfPatients(
    patientIds: readonly string[],
    structureIds: readonly string[],
    window: AppointmentWindow,
  ): Promise<AgendaAppointment[]>;

  abstract absences(practitionerIds: readonly string[], start: Date, end: Date): Promise<AgendaAbsence[]>;

  /** The placed blocks of the structure's meetings in these practitioners' agendas over [start, end). */
  abstract meetingBlocks(
    structureId: string,
    practitionerIds: readonly string[],
    start: Date,
    end: Date,
  ): Promise<AgendaMeetingBlock[]>;

  /** Ranges of each site still valid on or after that site's `from`. */
  abstract siteRanges(sites: ReadonlyArray<{ siteId: string; from: LocalDate }>): Promise<OpeningRange[]>;

  /** Every range of these members, whatever the structure, valid at some point between two dates, with its site's zone. */
  abstract memberRanges(
    memberIds: readonly string[],
    from: LocalDate,
    to: LocalDate,
  ): Promise<Array<{ range: OpeningRange; timeZone: string }>>;
}
