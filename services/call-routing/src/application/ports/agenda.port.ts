export interface OfferedSlot {
  practitionerId: string;
  siteId: string;
  motifId: string;
  startsAt: string;
}

export interface CallerAppointment {
  id: string;
  practitionerId: string;
  siteId: string;
  motifId: string;
  motifLabel: string;
  startsAt: string;
}

/** Scheduling answered too late or not at all: the call degrades to taking a message (CAL-7). */
export class AgendaUnavailableError extends Error {
  constructor(cause: string) {
    super(`Scheduling did not answer: ${cause}`);
    this.name = 'AgendaUnavailableError';
  }
}

/** Scheduling refused (slot taken meanwhile, hold lapsed…): the caller is offered other slots or a message. */
export class AgendaRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AgendaRefusedError';
  }
}

/** Scheduling's internal agenda API for the virtual secretary; every method has the configured timeout. */
export abstract class AgendaPort {
  abstract nextSlots(input: {
    motifId: string;
    from: string;
    to: string;
    practitionerIds?: string[];
    siteIds?: string[];
    limit: number;
  }): Promise<OfferedSlot[]>;
  /** Holds then confirms the slot for the patient; returns the appointment id. */
  abstract book(slot: OfferedSlot, patientId: string): Promise<string>;
  abstract upcoming(structureId: string, patientId: string): Promise<CallerAppointment[]>;
  abstract move(appointmentId: string, patientId: string, slot: OfferedSlot): Promise<void>;
  abstract cancel(appointmentId: string): Promise<void>;
  /** The motif scheduling offers the virtual secretary by default for booking on the phone; null when none. */
  abstract phoneMotif(structureId: string): Promise<string | null>;
}
