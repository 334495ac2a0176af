import type { CallOutcomeV1 } from '@msp/contracts';
import type { VoiceReply } from '../calls/voice-reply';
import type { DecidedAction, RuleTrace } from '../../domain/rulebook/decision.types';
import type { CallerKind, Intent, PractitionerStatus } from '../../domain/rulebook/rulebook';

/** Where a call is in the conversation: what the next webhook event is expected to answer. */
export type CallStep = 'awaiting_intent' | 'awaiting_slot' | 'awaiting_appointment' | 'recording' | 'routed' | 'ended';

export type MessageReason = 'rule' | 'fallback' | 'scheduling_unavailable' | 'caller_not_identified' | 'no_slot';

/** What a self-service exchange remembers between two webhook events (slots offered, appointments listed). */
export interface CallContext {
  offeredSlots?: Array<{ practitionerId: string; siteId: string; motifId: string; startsAt: string }>;
  listedAppointments?: Array<{ id: string; practitionerId: string; siteId: string; motifId: string; startsAt: string }>;
  /** The appointment being moved, once chosen. */
  movingAppointmentId?: string;
  /** The patient's own médecin traitant, to offer their slots first. */
  medecinTraitantId?: string | null;
  emergencyTrigger?: 'keywords' | 'menu';
  /** The menu was asked a second time (nothing understood the first). */
  askedAgain?: boolean;
  /** The slots were offered again once after the chosen one was taken meanwhile. */
  reoffered?: boolean;
  /** What the last step answered: a retried webhook gets the same answer. */
  lastReply?: VoiceReply;
}

export interface CallRecord {
  id: string;
  structureId: string;
  siteId: string;
  lineId: string;
  provider: string;
  providerCallId: string;
  callerKind: CallerKind;
  passThrough: boolean;
  prefersHuman: boolean;
  patientId: string | null;
  practitionerId: string | null;
  startedAt: Date;
  intent: Intent | null;
  urgent: boolean;
  decidedAt: Date | null;
  action: DecidedAction | null;
  ruleId: string | null;
  rulebookScope: 'site' | 'practitioner' | null;
  rulebookVersion: number | null;
  practitionerStatus: PractitionerStatus | null;
  interruptsConsultation: boolean;
  explanation: string | null;
  trace: RuleTrace[] | null;
  step: CallStep;
  context: CallContext;
  queuedAt: Date | null;
  answeredAt: Date | null;
  outcome: CallOutcomeV1 | null;
  messageReason: MessageReason | null;
  endedAt: Date | null;
  durationSeconds: number | null;
}

export interface JournalFilter {
  structureId: string;
  siteId?: string | null;
  practitionerId?: string | null;
  from: Date;
  to: Date;
  limit: number;
  /** Keyset: calls started before this one (newest first). */
  before?: { startedAt: Date; id: string } | null;
}

export interface StatisticsFilter {
  structureId: string;
  siteId?: string | null;
  practitionerId?: string | null;
  from: Date;
  to: Date;
  /** IANA zone the days and hours are counted in (the site's). */
  timeZone: string;
}

export interface CallStatistics {
  calls: number;
  handledWithoutHuman: number;
  messagesTaken: number;
  transferredToHuman: number;
  redirectedTo15: number;
  /** Calls routed while the concerned practitioner was in consultation. */
  duringConsultation: number;
  /** Of those, transfers to the practitioner: consultations interrupted (by a rule the practice wrote). */
  consultationsInterrupted: number;
  /** Calls during a consultation that did not interrupt it. */
  interruptionsAvoided: number;
  /** Seconds callers waited in a human queue before an answer (queued calls answered). */
  queueWait: { answered: number; averageSeconds: number | null; maxSeconds: number | null };
  perDay: Array<{ day: string; calls: number; handledWithoutHuman: number }>;
  /** Calls by weekday (1 = Monday) and hour, in the site's zone: the Monday-morning peak. */
  perHour: Array<{ weekday: number; hour: number; calls: number }>;
}

export abstract class CallJournalRepository {
  /** Returns the existing call when the provider already reported this call id (webhook retried). */
  abstract open(call: CallRecord): Promise<{ call: CallRecord; created: boolean }>;
  abstract save(call: CallRecord): Promise<void>;
  /** Locks the row for the rest of the transaction: two webhook events of one call are applied one after the other. */
  abstract byProviderId(provider: string, providerCallId: string): Promise<CallRecord | null>;
  abstract lockById(id: string): Promise<CallRecord | null>;
  abstract byId(id: string): Promise<CallRecord | null>;
  abstract list(filter: JournalFilter): Promise<CallRecord[]>;
  abstract statistics(filter: StatisticsFilter): Promise<CallStatistics>;
}
