import type { CallActionV1, CallIntentV1, EventPayloads } from '@msp/contracts';
import type { ActionType, Intent } from '../../domain/rulebook/rulebook';
import type { CallRecord, MessageReason } from '../ports/call-journal.repository';

/** What every event of a call says first: which call, where, about whom (opaque ids). */
const about = (call: CallRecord) => ({
  callId: call.id,
  structureId: call.structureId,
  siteId: call.siteId,
  practitionerId: call.practitionerId,
});

// The events' intent vocabulary and the rulebook's are one list, written twice (the domain imports no contract value).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const intentsAgree: Same<Intent, CallIntentV1> = true;
const actionsAgree: Same<ActionType, CallActionV1> = true;
void intentsAgree;
void actionsAgree;

/** The events of a call, built from its journal row: opaque ids and codes only. */
export const callEvents = {
  received(call: CallRecord): EventPayloads['call-routing.call.received.v1'] {
    return {
      ...about(call),
      lineId: call.lineId,
      callerKind: call.callerKind,
      receivedAt: call.startedAt.toISOString(),
    };
  },

  routed(call: CallRecord): EventPayloads['call-routing.call.routed.v1'] {
    return {
      ...about(call),
      intent: call.intent ?? 'other',
      urgent: call.urgent,
      action: call.action?.type ?? 'take_message',
      ruleId: call.ruleId,
      rulebookVersion: call.rulebookVersion || null,
      practitionerStatus: call.practitionerStatus,
      interruptsConsultation: call.interruptsConsultation,
      routedAt: (call.decidedAt ?? call.startedAt).toISOString(),
    };
  },

  emergency(call: CallRecord): EventPayloads['call-routing.emergency.redirected.v1'] {
    return {
      ...about(call),
      trigger: call.context.emergencyTrigger ?? 'keywords',
      redirectedAt: (call.decidedAt ?? call.startedAt).toISOString(),
    };
  },

  messageTaken(
    call: CallRecord,
    reason: MessageReason,
    recordingSeconds: number | null,
    at: Date,
  ): EventPayloads['call-routing.message.taken.v1'] {
    return {
      ...about(call),
      patientId: call.patientId,
      intent: call.intent ?? 'other',
      reason,
      recordingSeconds,
      takenAt: at.toISOString(),
    };
  },

  ended(call: CallRecord): EventPayloads['call-routing.call.ended.v1'] {
    return {
      ...about(call),
      outcome: call.outcome ?? 'abandoned',
      handledWithoutHuman: handledWithoutHuman(call.outcome),
      durationSeconds: call.durationSeconds ?? 0,
      endedAt: (call.endedAt ?? call.startedAt).toISOString(),
    };
  },
};

/** The definition: self-service done, information given or sent to the 15; a message is counted apart. */
export function handledWithoutHuman(outcome: CallRecord['outcome']): boolean {
  return outcome === 'self_service_done' || outcome === 'information_given' || outcome === 'redirected_to_15';
}
