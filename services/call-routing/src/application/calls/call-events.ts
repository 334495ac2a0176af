import type { EventPayloads } from '@msp/contracts';
import type { CallRecord, MessageReason } from '../ports/call-journal.repository';

/** The events of a call, built from its journal row: opaque ids and codes only. */
export const callEvents = {
  received(call: CallRecord): EventPayloads['call-routing.call.received.v1'] {
    return {
      callId: call.id,
      structureId: call.structureId,
      siteId: call.siteId,
      lineId: call.lineId,
      callerKind: call.callerKind,
      practitionerId: call.practitionerId,
      receivedAt: call.startedAt.toISOString(),
    };
  },

  routed(call: CallRecord): EventPayloads['call-routing.call.routed.v1'] {
    return {
      callId: call.id,
      structureId: call.structureId,
      siteId: call.siteId,
      practitionerId: call.practitionerId,
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
      callId: call.id,
      structureId: call.structureId,
      siteId: call.siteId,
      practitionerId: call.practitionerId,
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
      callId: call.id,
      structureId: call.structureId,
      siteId: call.siteId,
      practitionerId: call.practitionerId,
      patientId: call.patientId,
      intent: call.intent ?? 'other',
      reason,
      recordingSeconds,
      takenAt: at.toISOString(),
    };
  },

  ended(call: CallRecord): EventPayloads['call-routing.call.ended.v1'] {
    return {
      callId: call.id,
      structureId: call.structureId,
      siteId: call.siteId,
      practitionerId: call.practitionerId,
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
