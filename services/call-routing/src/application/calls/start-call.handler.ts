import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { CallRoutingError, callRoutingInput } from '../../domain/call-routing-error';
import type { TelephonyActor } from '../actor';
import { CallJournalRepository, type CallRecord } from '../ports/call-journal.repository';
import { CallerDirectory } from '../ports/caller-directory.port';
import { LineRepository } from '../ports/line.repository';
import { callEvents } from './call-events';
import { CallConversation } from './call-conversation';
import type { TelephonyCallEvent } from './telephony-call.input';
import type { VoiceReply } from './voice-reply';
import { askIntent } from './voice-replies';

/**
 * A call reached one of the practice's lines (CAL-1): the caller is identified through the directory (patient,
 * colleague or unknown; pass-through and prefers-a-human flags), the call enters the journal, and the menu is asked —
 * or, when the platform already sent what the caller said, the call is decided at once.
 */
@Injectable()
export class StartCallHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly journal: CallJournalRepository,
    private readonly outbox: OutboxWriter,
    private readonly lines: LineRepository,
    private readonly callers: CallerDirectory,
    private readonly conversation: CallConversation,
    private readonly clock: Clock,
  ) {}

  async execute(actor: TelephonyActor, input: TelephonyCallEvent): Promise<VoiceReply> {
    const providerCallId = providerCallIdOf(input.providerCallId);
    const to = callRoutingInput.phone(input.to ?? '', 'to');
    const from = (input.from ?? '').trim();
    const line = await this.lines.byNumber(to);
    if (!line) throw CallRoutingError.notFound('Line', 'to');

    const known = await this.journal.byProviderId(actor.provider, providerCallId);
    if (known) return known.context.lastReply ?? askIntent(known.id, line.label);

    const caller = await this.callers.identify(from, line.siteId);
    const record: CallRecord = {
      id: randomUUID(),
      structureId: line.structureId,
      siteId: line.siteId,
      lineId: line.id,
      provider: actor.provider,
      providerCallId,
      callerKind: caller.kind,
      passThrough: caller.kind === 'patient' && caller.passThrough,
      prefersHuman: caller.kind === 'patient' && caller.prefersHuman,
      patientId: caller.kind === 'patient' ? caller.patientId : null,
      // The line's practitioner, else the patient's own médecin traitant.
      practitionerId: line.practitionerId ?? (caller.kind === 'patient' ? caller.medecinTraitantId : null),
      startedAt: this.clock.now(),
      intent: null,
      urgent: false,
      decidedAt: null,
      action: null,
      ruleId: null,
      rulebookScope: null,
      rulebookVersion: null,
      practitionerStatus: null,
      interruptsConsultation: false,
      explanation: null,
      trace: null,
      step: 'awaiting_intent',
      context: {},
      queuedAt: null,
      answeredAt: null,
      outcome: null,
      messageReason: null,
      endedAt: null,
      durationSeconds: null,
    };
    const greeting = askIntent(record.id, line.label);
    const opened = await this.transactions.run(async () => {
      const result = await this.journal.open({ ...record, context: { lastReply: greeting } });
      if (result.created) await this.outbox.record('call-routing.call.received.v1', callEvents.received(result.call));
      return result;
    });
    if (!opened.created) return opened.call.context.lastReply ?? greeting;
    if (input.digits || input.speech) return this.conversation.intentGiven(opened.call, input);
    return greeting;
  }
}

export function providerCallIdOf(value: string | null | undefined): string {
  const id = callRoutingInput.text(value ?? '', 'providerCallId').trim();
  if (!id || id.length > 64 || !/^[A-Za-z0-9_.:-]+$/.test(id))
    throw CallRoutingError.invalid(
      'providerCallId',
      'must be the provider\'s call id: 1 to 64 letters, digits, "_.:-"',
    );
  return id;
}
