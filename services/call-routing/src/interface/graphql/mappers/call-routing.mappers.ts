import type { CallRecord } from '../../../application/ports/call-journal.repository';
import type { RulebookVersion } from '../../../application/ports/rulebook.repository';
import type { RulebookView } from '../../../application/rulebooks/rulebooks.query';
import type { Decision, DecidedAction, RuleTrace } from '../../../domain/rulebook/decision.types';
import type { RulebookScope } from '../../../domain/rulebook/rulebook';
import type {
  CallDecisionType,
  CallJournalEntryType,
  RulebookType,
  RulebookVersionType,
} from '../types/call-routing.types';

const scopeIdOf = (scope: RulebookScope) => (scope.kind === 'site' ? scope.siteId : scope.practitionerId);

export function toRulebookType(view: RulebookView): RulebookType {
  return {
    scopeKind: view.scope.kind,
    scopeId: scopeIdOf(view.scope),
    version: view.current?.version ?? null,
    isDefault: view.isDefault,
    document: view.document ? JSON.stringify(view.document) : null,
    warnings: (view.current?.warnings ?? []).map((w) => ({ ruleId: w.ruleId ?? null, path: w.path, reason: w.reason })),
    authorId: view.current?.authorId ?? null,
    publishedAt: view.current?.createdAt ?? null,
  };
}

export function toRulebookVersionType(version: RulebookVersion): RulebookVersionType {
  return {
    version: version.version,
    authorId: version.authorId,
    publishedAt: version.createdAt,
    changes: version.changes.map((c) => ({ kind: c.kind, ruleId: c.ruleId, summary: c.summary })),
    warnings: version.warnings.map((w) => ({ ruleId: w.ruleId ?? null, path: w.path, reason: w.reason })),
    document: JSON.stringify(version.document),
  };
}

function actionFields(action: DecidedAction) {
  return {
    action: action.type,
    colleagueId: action.type === 'forward_on_duty' ? action.colleagueId : null,
    queue: action.type === 'remote_queue' ? (action.queue ?? null) : null,
  };
}

const traceOf = (trace: RuleTrace[]) =>
  trace.map((t) => ({
    ...t,
    checks: t.checks.map((c) => ({ condition: c.condition, holds: c.holds, reason: c.reason })),
  }));

export function toDecisionType(decision: Decision): CallDecisionType {
  return {
    ...actionFields(decision.action),
    ruleId: decision.ruleId,
    scope: decision.scope,
    version: decision.version,
    practitionerStatus: decision.practitionerStatus,
    explanation: decision.explanation,
    trace: traceOf(decision.trace),
  };
}

export function toJournalEntryType(call: CallRecord): CallJournalEntryType {
  return {
    id: call.id,
    siteId: call.siteId,
    lineId: call.lineId,
    practitionerId: call.practitionerId,
    patientId: call.patientId,
    callerKind: call.callerKind,
    intent: call.intent,
    urgent: call.urgent,
    decision: call.action
      ? {
          ...actionFields(call.action),
          ruleId: call.ruleId,
          scope: call.rulebookScope,
          version: call.rulebookVersion,
          practitionerStatus: call.practitionerStatus,
          explanation: call.explanation ?? '',
          trace: traceOf(call.trace ?? []),
        }
      : null,
    interruptsConsultation: call.interruptsConsultation,
    outcome: call.outcome,
    messageReason: call.messageReason,
    startedAt: call.startedAt,
    endedAt: call.endedAt,
    durationSeconds: call.durationSeconds,
  };
}
