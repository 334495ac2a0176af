import type { PractitionerStatus } from '../../domain/rulebook/rulebook';

/** Who is in consultation or absent, projected from scheduling's events; order-safe upserts by appointment/absence id. */
export abstract class PresenceRepository {
  abstract consultationStarted(appointmentId: string, practitionerId: string, at: Date): Promise<void>;
  /** Completed, no-show or cancelled: the consultation (if any) is over; arriving after its start is harmless. */
  abstract consultationEnded(appointmentId: string, practitionerId: string, at: Date): Promise<void>;
  abstract absenceDeclared(absenceId: string, practitionerId: string, startsAt: Date, endsAt: Date): Promise<void>;
  abstract absenceEnded(absenceId: string, practitionerId: string, endedAt: Date): Promise<void>;
  /** Status of each practitioner at `at` (absent wins over in consultation); missing ids are free. */
  abstract statuses(practitionerIds: readonly string[], at: Date): Promise<Record<string, PractitionerStatus>>;
}
