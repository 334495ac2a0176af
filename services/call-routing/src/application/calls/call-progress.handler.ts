import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { CallRoutingError } from '../../domain/call-routing-error';
import type { TelephonyActor } from '../actor';
import { CallJournalRepository, type CallRecord } from '../ports/call-journal.repository';
import { callEvents } from './call-events';
import { CallConversation } from './call-conversation';
import { providerCallIdOf } from './start-call.handler';
import type { TelephonyCallEvent } from './telephony-call.input';
import type { VoiceReply } from './voice-reply';
import { done, MESSAGE_THANKS } from './voice-replies';

/**
 * What happens on a call after it started: the caller answered a menu (intent, slot, appointment), left a message,
 * or hung up. Each event is applied to the step the call is at; an event for a step already past answers what that
 * step answered.
 */
@Injectable()
export class CallProgressHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly journal: CallJournalRepository,
    private readonly outbox: OutboxWriter,
    private readonly conversation: CallConversation,
    private readonly clock: Clock,
  ) {}

  async answered(actor: TelephonyActor, input: TelephonyCallEvent): Promise<VoiceReply> {
    const call = await this.callOf(actor, input);
    switch (call.step) {
      case 'awaiting_intent':
        return this.conversation.intentGiven(call, input);
      case 'awaiting_slot':
        return this.conversation.slotChosen(call, input.digits);
      case 'awaiting_appointment':
        return this.conversation.appointmentChosen(call, input.digits);
      default:
        return call.context.lastReply ?? done(call.id, MESSAGE_THANKS);
    }
  }

  async messageRecorded(actor: TelephonyActor, input: TelephonyCallEvent): Promise<VoiceReply> {
    const call = await this.callOf(actor, input);
    if (call.step !== 'recording') return call.context.lastReply ?? done(call.id, MESSAGE_THANKS);
    return this.conversation.messageRecorded(call, seconds(input.recordingSeconds, 'recordingSeconds'));
  }

  async handOverFailed(actor: TelephonyActor, input: TelephonyCallEvent): Promise<VoiceReply> {
    return this.conversation.handOverFailed(await this.callOf(actor, input));
  }

  /**
   * The call is over. A caller who hung up while a message was due still gets called back (the message event is
   * recorded without a recording); a call that ended before any decision counts as abandoned.
   */
  async ended(actor: TelephonyActor, input: TelephonyCallEvent): Promise<void> {
    const known = await this.callOf(actor, input);
    const duration = seconds(input.durationSeconds, 'durationSeconds');
    const queueWait = seconds(input.queueWaitSeconds, 'queueWaitSeconds');
    await this.transactions.run(async () => {
      const call = await this.journal.lockById(known.id);
      if (!call || call.step === 'ended') return;
      const now = this.clock.now();
      const ended: CallRecord = {
        ...call,
        step: 'ended',
        endedAt: now,
        durationSeconds: duration ?? Math.max(0, Math.round((now.getTime() - call.startedAt.getTime()) / 1000)),
        outcome: call.step === 'recording' ? 'message_taken' : (call.outcome ?? 'abandoned'),
        answeredAt:
          call.queuedAt && queueWait !== null ? new Date(call.queuedAt.getTime() + queueWait * 1000) : call.answeredAt,
      };
      await this.journal.save(ended);
      if (call.step === 'recording')
        await this.outbox.record(
          'call-routing.message.taken.v1',
          callEvents.messageTaken(call, call.messageReason ?? 'rule', null, now),
        );
      await this.outbox.record('call-routing.call.ended.v1', callEvents.ended(ended));
    });
  }

  private async callOf(actor: TelephonyActor, input: TelephonyCallEvent): Promise<CallRecord> {
    const call = await this.journal.byProviderId(actor.provider, providerCallIdOf(input.providerCallId));
    if (!call) throw CallRoutingError.notFound('Call', 'providerCallId');
    return call;
  }
}

function seconds(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > 86_400)
    throw CallRoutingError.invalid(field, 'must be a whole number of seconds between 0 and 86400');
  return value;
}
