import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import { CallRoutingError } from '../../domain/call-routing-error';
import { decide } from '../../domain/rulebook/decide';
import type { Decision } from '../../domain/rulebook/decision.types';
import {
  CALLER_KINDS,
  INTENTS,
  PRACTITIONER_STATUSES,
  type CallerKind,
  type Intent,
  type PractitionerStatus,
} from '../../domain/rulebook/rulebook';
import { assertValidRulebook } from '../../domain/rulebook/validate-rulebook';
import { DecisionContextLoader, decisionInputOf } from '../calls/decision-context.loader';
import { understand } from '../calls/understanding';
import { assertUuid, parseInstant } from '../input-checks';
import { assertRole, PERMISSIONS } from '../permissions';
import { DirectoryCopyRepository } from '../ports/directory-copy.repository';

export interface SimulateCallInput {
  siteId: string;
  practitionerId?: string | null;
  callerKind: string;
  passThrough?: boolean | null;
  prefersHuman?: boolean | null;
  /** What the caller wants, or what they said (classified as a real call's transcript), or the menu digit. */
  intent?: string | null;
  transcript?: string | null;
  digits?: string | null;
  /** When the call happens (ISO-8601 with offset); now when omitted. */
  at?: string | null;
  /** Pretend the practitioner is free, in consultation or absent, instead of what scheduling says now. */
  practitionerStatus?: string | null;
  /** A draft rulebook (JSON) tried in place of the published one, before publishing it. */
  draftRulebook?: string | null;
  draftScope?: 'site' | 'practitioner' | null;
}

export interface CallSimulation {
  intent: Intent;
  urgent: boolean;
  decision: Decision;
}

/**
 * The simulator (CAL-4): "this caller, at this time, for this → this happens, because rule 3", by the same pure
 * decision a real call gets, on the published rulebooks (or a draft) and the practitioner's real or assumed status.
 */
@Injectable()
export class SimulateCallQuery {
  constructor(
    private readonly directory: DirectoryCopyRepository,
    private readonly loader: DecisionContextLoader,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: SimulateCallInput): Promise<CallSimulation> {
    const siteId = assertUuid(input.siteId, 'input.siteId');
    const unseen = CallRoutingError.notFound('Site', 'input.siteId');
    const site = await this.directory.site(siteId);
    if (!site) throw unseen;
    assertRole(user, site.structureId, PERMISSIONS.readStatistics, unseen);
    const practitionerId = input.practitionerId ? assertUuid(input.practitionerId, 'input.practitionerId') : null;
    const callerKind = oneOf(input.callerKind, CALLER_KINDS, 'input.callerKind') as CallerKind;
    const status = input.practitionerStatus
      ? (oneOf(input.practitionerStatus, PRACTITIONER_STATUSES, 'input.practitionerStatus') as PractitionerStatus)
      : null;
    const at = input.at ? parseInstant(input.at, 'input.at') : this.clock.now();
    const understood = input.intent
      ? { intent: oneOf(input.intent, INTENTS, 'input.intent') as Intent, urgent: input.intent === 'emergency' }
      : (understand({ digits: input.digits, speech: input.transcript }) ?? {
          intent: 'other' as Intent,
          urgent: false,
        });
    const draft = input.draftRulebook
      ? {
          scope: input.draftScope ?? (practitionerId ? 'practitioner' : 'site'),
          document: assertValidRulebook(parseDraft(input.draftRulebook), {}, 'input.draftRulebook.').rulebook,
        }
      : undefined;
    if (draft?.scope === 'practitioner' && !practitionerId)
      throw CallRoutingError.invalid('input.practitionerId', "is required to try a practitioner's draft rulebook");
    const context = await this.loader.load(site, practitionerId, at, { draft, practitionerStatus: status });
    const facts = {
      callerKind,
      passThrough: callerKind === 'patient' && Boolean(input.passThrough),
      prefersHuman: callerKind === 'patient' && Boolean(input.prefersHuman),
      intent: understood.intent,
      urgent: understood.urgent,
    };
    return {
      intent: understood.intent,
      urgent: understood.urgent,
      decision: decide(decisionInputOf(context, facts, practitionerId, at)),
    };
  }
}

function oneOf(value: string, allowed: readonly string[], field: string): string {
  if (!allowed.includes(value)) throw CallRoutingError.invalid(field, `"${value}" is not one of ${allowed.join(', ')}`);
  return value;
}

function parseDraft(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw CallRoutingError.invalid('input.draftRulebook', `is not JSON: ${(error as Error).message}`);
  }
}
