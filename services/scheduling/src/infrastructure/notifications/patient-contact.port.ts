/** Where a patient can be reached, asked of the directory at send time and never stored by scheduling. */
export interface PatientContact {
  phone: string | null;
  email: string | null;
}

export interface PatientContactResolver {
  contactOf(patientId: string, structureId: string): Promise<PatientContact | null>;
}

/** A reminder's text for the site and time (no motif: it may say something medical). */
export interface ReminderText {
  render(startsAt: Date, siteId: string): Promise<string>;
}
