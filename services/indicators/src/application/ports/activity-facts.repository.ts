import type { ActivityCounts } from '../../domain/operational-values';

export interface AppointmentFact {
  appointmentId: string;
  structureId: string;
  siteId: string | null;
  practitionerId: string;
  startsAt: Date;
  outcome: 'completed' | 'no_show' | 'cancelled';
  /** The source event's own instant: the latest fact of an appointment wins. */
  at: Date;
}

/** What one call-routing event says of a call; each kind of event fills its own columns. */
export type CallFact = { callId: string; structureId: string; siteId: string; practitionerId: string | null } & (
  | { kind: 'received'; at: Date }
  | { kind: 'routed'; at: Date; practitionerStatus: string | null; interruptsConsultation: boolean }
  | { kind: 'message_taken'; at: Date }
  | { kind: 'ended'; at: Date; outcome: string; handledWithoutHuman: boolean }
);

export interface TaskFact {
  taskId: string;
  structureId: string;
  siteId: string | null;
  physicianId: string | null;
  delegated: boolean;
  standardMinutes: number;
  completedAt: Date;
}

export type MeetingFact = { meetingId: string; structureId: string; startsAt: Date } & (
  { kind: 'held'; siteId: string | null; at: Date } | { kind: 'attendance'; pluriprofessional: boolean; at: Date }
);

/** Counts of one practitioner (`practitionerId`) or of what is nobody's in particular (null). */
export interface PractitionerActivity {
  practitionerId: string | null;
  counts: ActivityCounts;
}

/**
 * The facts indicators keeps from the other services' events, each upserted by its source aggregate's id and kept
 * only when at least as recent as what is held, and the activity counted from them over local dates (each fact in its
 * site's zone, Europe/Paris when it names no site or its site is unknown).
 */
export abstract class ActivityFactsRepository {
  abstract upsertSite(siteId: string, structureId: string, timeZone: string, at: Date): Promise<void>;
  /** `rpps` undefined (an event of the older shape): the number already known is kept. */
  abstract upsertMember(
    member: { memberId: string; structureId: string; profession: string; roles: string[]; rpps?: string | null },
    at: Date,
  ): Promise<void>;
  abstract markMemberLeft(memberId: string, structureId: string, at: Date): Promise<void>;
  abstract upsertAppointment(fact: AppointmentFact): Promise<void>;
  /** A cancellation that names no structure only updates an appointment already known. */
  abstract cancelKnownAppointment(appointmentId: string, at: Date): Promise<void>;
  abstract upsertCall(fact: CallFact): Promise<void>;
  abstract upsertTask(fact: TaskFact): Promise<void>;
  abstract upsertMeeting(fact: MeetingFact): Promise<void>;
  /** A cancellation carries no time: it marks a meeting already known. */
  abstract cancelKnownMeeting(meetingId: string, at: Date): Promise<void>;
  /** `adopted`: the fact is an adoption (the earliest one dates it); a revision only updates the professions. */
  abstract upsertProtocol(
    fact: { protocolId: string; structureId: string; pluriprofessional: boolean; adopted: boolean },
    at: Date,
  ): Promise<void>;
  abstract upsertProtocolDecision(decisionId: string, structureId: string, protocolId: string, at: Date): Promise<void>;
  /** The local date of an instant in a site's zone (Europe/Paris when the site is not known). */
  abstract localDate(siteId: string | null, at: Date): Promise<string>;
  /** Activity over inclusive local dates, one entry per practitioner plus one (null) for what is nobody's. */
  abstract activity(structureId: string, from: string, to: string): Promise<PractitionerActivity[]>;
  /**
   * The same over whole months, grouped by each fact's local month (`YYYY-MM`) in one read: a history asks the facts
   * once, not once a month. Months without a fact are absent.
   */
  abstract activityByMonth(structureId: string, from: string, to: string): Promise<Map<string, PractitionerActivity[]>>;
  /** The structure's current members holding the practitioner role. */
  abstract practitioners(structureId: string): Promise<string[]>;
}
