import { Injectable } from '@nestjs/common';
import type { EventPayloads, EventType } from '@msp/contracts';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DateTime } from 'luxon';
import { decide } from '../../domain/rulebook/decide';
import type { Decision } from '../../domain/rulebook/decision.types';
import { describeHours, describeNextOpening, nextOpening } from '../../domain/information/opening-information';
import { AgendaPort, AgendaRefusedError, AgendaUnavailableError } from '../ports/agenda.port';
import {
  CallJournalRepository,
  type CallRecord,
  type CallStep,
  type MessageReason,
} from '../ports/call-journal.repository';
import { CallerDirectory } from '../ports/caller-directory.port';
import { DirectoryCopyRepository, type SiteRef } from '../ports/directory-copy.repository';
import { LineRepository } from '../ports/line.repository';
import { callEvents } from './call-events';
import { DecisionContextLoader, decisionInputOf, type DecisionContext } from './decision-context.loader';
import { understand } from './understanding';
import type { VoiceReply } from './voice-reply';
import * as replies from './voice-replies';

type PendingEvent = { [K in EventType]: { type: K; payload: EventPayloads[K] } }[EventType];

interface Outcome {
  call: CallRecord;
  reply: VoiceReply;
  events: PendingEvent[];
}

/** Slots offered on the phone: the next two weeks, three at most (a caller remembers three). */
const SEARCH_DAYS = 14;
const OFFERED = 3;
/** A site the directory's events have not brought yet still gets its calls answered (hours unknown). */
const UNKNOWN_SITE_ZONE = 'Europe/Paris';

/**
 * The conversation of one call, step by step: the intent is decided by the rulebook, then carried out — transfer,
 * queue, information, the 15, a message, or self-service with scheduling. Calls to other services happen before the
 * transaction that records the step; a step already taken (a webhook retried, two events racing) answers the reply it
 * gave. Anything that cannot be served ends in a message: no call is ever lost (CAL-7).
 */
@Injectable()
export class CallConversation {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly journal: CallJournalRepository,
    private readonly outbox: OutboxWriter,
    private readonly loader: DecisionContextLoader,
    private readonly directoryCopy: DirectoryCopyRepository,
    private readonly callers: CallerDirectory,
    private readonly lines: LineRepository,
    private readonly agenda: AgendaPort,
    private readonly clock: Clock,
  ) {}

  /** The caller chose from the menu or spoke: decide, then carry the decision out. */
  async intentGiven(call: CallRecord, said: { digits?: string | null; speech?: string | null }): Promise<VoiceReply> {
    const understood = understand(said);
    if (!understood) {
      if (call.context.askedAgain) return this.commit(call, messageStep(call, null, 'fallback'));
      return this.commit(call, {
        call: { ...call, context: { ...call.context, askedAgain: true } },
        reply: replies.askIntent(call.id, null, true),
        events: [],
      });
    }
    const now = this.clock.now();
    const site = await this.siteOf(call);
    const context = await this.loader.load(site, call.practitionerId, now);
    const facts = {
      callerKind: call.callerKind,
      passThrough: call.passThrough,
      prefersHuman: call.prefersHuman,
      intent: understood.intent,
      urgent: understood.urgent,
    };
    const decision = decide(decisionInputOf(context, facts, call.practitionerId, now));
    const decided: CallRecord = {
      ...call,
      intent: understood.intent,
      urgent: understood.urgent,
      decidedAt: now,
      action: decision.action,
      ruleId: decision.ruleId,
      rulebookScope: decision.scope,
      rulebookVersion: decision.version,
      practitionerStatus: decision.practitionerStatus,
      interruptsConsultation:
        decision.action.type === 'transfer_practitioner' && decision.practitionerStatus === 'in_consultation',
      explanation: decision.explanation,
      trace: decision.trace,
      context: { ...call.context, emergencyTrigger: understood.urgent ? understood.trigger : undefined },
    };
    const outcome = await this.carryOut(decided, decision, context, now);
    outcome.events.unshift({ type: 'call-routing.call.routed.v1', payload: callEvents.routed(outcome.call) });
    return this.commit(call, outcome);
  }

  /** The caller picked one of the slots offered (or 0 for a message). */
  async slotChosen(call: CallRecord, digits: string | null | undefined): Promise<VoiceReply> {
    const slot = pick(call.context.offeredSlots ?? [], digits);
    if (!slot || !call.patientId) return this.commit(call, messageStep(call, null, 'no_slot'));
    const site = await this.siteOf(call);
    try {
      const moving = call.context.movingAppointmentId;
      if (moving) await this.agenda.move(moving, call.patientId, slot);
      else await this.agenda.book(slot, call.patientId);
      const text = moving
        ? replies.movedText(slot.startsAt, site.timeZone)
        : replies.bookedText(slot.startsAt, site.timeZone);
      return this.commit(call, {
        call: { ...call, step: 'routed', outcome: 'self_service_done' },
        reply: replies.done(call.id, text),
        events: [],
      });
    } catch (error) {
      if (error instanceof AgendaRefusedError && !call.context.reoffered) {
        // Taken meanwhile by someone else: offer what is free now, once.
        const search = moving(call) ?? { motifId: slot.motifId, practitionerIds: undefined };
        return this.offer(call, null, site, search, true);
      }
      return this.commit(call, messageStep(call, null, reasonOf(error)));
    }
  }

  /** The caller picked which of their appointments to move or cancel. */
  async appointmentChosen(call: CallRecord, digits: string | null | undefined): Promise<VoiceReply> {
    const appointment = pick(call.context.listedAppointments ?? [], digits);
    if (!appointment || !call.patientId) return this.commit(call, messageStep(call, null, 'rule'));
    const site = await this.siteOf(call);
    if (call.intent === 'cancel') {
      try {
        await this.agenda.cancel(appointment.id);
      } catch (error) {
        return this.commit(call, messageStep(call, null, reasonOf(error)));
      }
      return this.commit(call, {
        call: { ...call, step: 'routed', outcome: 'self_service_done' },
        reply: replies.done(call.id, replies.CANCELLED_TEXT),
        events: [],
      });
    }
    const withMove = { ...call, context: { ...call.context, movingAppointmentId: appointment.id } };
    return this.offer(withMove, null, site, {
      motifId: appointment.motifId,
      practitionerIds: [appointment.practitionerId],
      exclude: appointment.startsAt,
    });
  }

  /** The message is recorded: it becomes a callback task (delegation consumes the event). */
  async messageRecorded(call: CallRecord, recordingSeconds: number | null): Promise<VoiceReply> {
    const now = this.clock.now();
    return this.commit(call, {
      call: { ...call, step: 'routed', outcome: 'message_taken' },
      reply: replies.done(call.id, replies.MESSAGE_THANKS),
      events: [
        {
          type: 'call-routing.message.taken.v1',
          payload: callEvents.messageTaken(call, call.messageReason ?? 'rule', recordingSeconds, now),
        },
      ],
    });
  }

  /** A transfer or queue nobody answered: the caller leaves a message instead (no call is lost). */
  async handOverFailed(call: CallRecord): Promise<VoiceReply> {
    if (call.step !== 'routed' || (call.outcome !== 'transferred' && call.outcome !== 'queued'))
      return call.context.lastReply ?? replies.done(call.id, replies.MESSAGE_THANKS);
    return this.commit(call, messageStep(call, null, 'rule'));
  }

  /** Records the step unless it was taken meanwhile; then answers what was answered the first time. */
  async commit(original: CallRecord, outcome: Outcome, expected: CallStep = original.step): Promise<VoiceReply> {
    return this.transactions.run(async () => {
      const locked = await this.journal.lockById(original.id);
      if (!locked || locked.step !== expected)
        return locked?.context.lastReply ?? replies.done(original.id, replies.MESSAGE_THANKS);
      await this.journal.save({ ...outcome.call, context: { ...outcome.call.context, lastReply: outcome.reply } });
      for (const event of outcome.events) await this.outbox.record(event.type, event.payload as never);
      return outcome.reply;
    });
  }

  private async carryOut(call: CallRecord, decision: Decision, context: DecisionContext, now: Date): Promise<Outcome> {
    const routed = (patch: Partial<CallRecord>, reply: VoiceReply, events: PendingEvent[] = []): Outcome => ({
      call: { ...call, step: 'routed', ...patch },
      reply,
      events,
    });
    const action = decision.action;
    switch (action.type) {
      case 'redirect_15':
        return routed({ outcome: 'redirected_to_15' }, replies.redirectTo15(decision, call.id), [
          { type: 'call-routing.emergency.redirected.v1', payload: callEvents.emergency(call) },
        ]);
      case 'transfer_practitioner': {
        const desk = call.practitionerId
          ? await this.deskOf(call, call.practitionerId)
          : await this.secretaryDesk(call);
        return routed(
          { outcome: 'transferred' },
          replies.dial(decision, desk, 'praticien', call.id, 'Je vous passe le praticien.'),
        );
      }
      case 'forward_on_duty':
        return routed(
          { outcome: 'transferred' },
          replies.dial(
            decision,
            await this.deskOf(call, action.colleagueId),
            'confrère de garde',
            call.id,
            'Votre praticien est absent. Je vous passe le confrère qui le remplace.',
          ),
        );
      case 'transfer_secretary':
        return routed(
          { outcome: 'transferred' },
          replies.dial(
            decision,
            await this.secretaryDesk(call),
            'secrétariat',
            call.id,
            'Je vous passe le secrétariat.',
          ),
        );
      case 'remote_queue':
        return routed(
          { outcome: 'queued', queuedAt: now },
          replies.enqueue(decision, call.id, action.queue ?? context.settings.remoteQueue ?? 'secretariat'),
        );
      case 'give_information':
        return routed(
          { outcome: 'information_given' },
          replies.inform(decision, call.id, await this.information(call, context, now, action.topics)),
        );
      case 'take_message':
        return messageStep(call, decision, decision.ruleId ? 'rule' : 'fallback');
      case 'self_service':
        return this.selfService(call, decision, context);
    }
  }

  private async selfService(call: CallRecord, decision: Decision, context: DecisionContext): Promise<Outcome> {
    if (call.callerKind !== 'patient' || !call.patientId) return messageStep(call, decision, 'caller_not_identified');
    if (call.intent === 'move' || call.intent === 'cancel') {
      try {
        const upcoming = (await this.agenda.upcoming(call.structureId, call.patientId)).slice(0, OFFERED);
        if (upcoming.length === 0)
          return {
            call: { ...call, step: 'routed', outcome: 'information_given' },
            reply: replies.done(call.id, "Vous n'avez pas de rendez-vous à venir au cabinet.", decision),
            events: [],
          };
        return {
          call: { ...call, step: 'awaiting_appointment', context: { ...call.context, listedAppointments: upcoming } },
          reply: replies.offerAppointments(
            decision,
            call.id,
            upcoming,
            context.site.timeZone,
            call.intent === 'move' ? 'déplacer' : 'annuler',
          ),
          events: [],
        };
      } catch (error) {
        return messageStep(call, decision, reasonOf(error));
      }
    }
    const motifId = context.settings.bookingMotifId;
    if (!motifId) return messageStep(call, decision, 'no_slot');
    return this.slotsStep(call, decision, context.site, {
      motifId,
      practitionerIds: call.practitionerId ? [call.practitionerId] : undefined,
    });
  }

  private async offer(
    call: CallRecord,
    decision: Decision | null,
    site: SiteRef,
    search: SlotSearch,
    reoffer = false,
  ): Promise<VoiceReply> {
    const outcome = await this.slotsStep(
      { ...call, context: { ...call.context, reoffered: reoffer || call.context.reoffered } },
      decision,
      site,
      search,
    );
    return this.commit(call, outcome);
  }

  private async slotsStep(
    call: CallRecord,
    decision: Decision | null,
    site: SiteRef,
    search: SlotSearch,
  ): Promise<Outcome> {
    try {
      const today = DateTime.fromJSDate(this.clock.now(), { zone: site.timeZone });
      const slots = (
        await this.agenda.nextSlots({
          motifId: search.motifId,
          from: today.toISODate() as string,
          to: today.plus({ days: SEARCH_DAYS - 1 }).toISODate() as string,
          practitionerIds: search.practitionerIds,
          siteIds: [call.siteId],
          limit: OFFERED + 1,
        })
      )
        .filter((slot) => slot.startsAt !== search.exclude && new Date(slot.startsAt) > this.clock.now())
        .slice(0, OFFERED);
      if (slots.length === 0) return messageStep(call, decision, 'no_slot');
      return {
        call: { ...call, step: 'awaiting_slot', context: { ...call.context, offeredSlots: slots } },
        reply: replies.offerSlots(decision, call.id, slots, site.timeZone),
        events: [],
      };
    } catch (error) {
      return messageStep(call, decision, reasonOf(error));
    }
  }

  private async information(
    call: CallRecord,
    context: DecisionContext,
    now: Date,
    topics: Array<'hours' | 'address' | 'next_opening'> = ['hours', 'address', 'next_opening'],
  ): Promise<string[]> {
    const sentences: string[] = [];
    const { site, calendar } = context;
    if (topics.includes('next_opening'))
      sentences.push(describeNextOpening(nextOpening(site.openingHours, now, calendar), now, site.timeZone));
    if (topics.includes('hours')) sentences.push(describeHours(site.openingHours));
    if (topics.includes('address')) {
      const info = await this.callers.siteInformation(call.siteId);
      if (info) sentences.push(`Le cabinet se trouve ${info.address}.`);
    }
    return sentences;
  }

  private async deskOf(call: CallRecord, practitionerId: string): Promise<string> {
    const [line] = await this.lines.ofPractitioners(call.structureId, [practitionerId]);
    return line?.deskNumber ?? this.secretaryDesk(call);
  }

  private async secretaryDesk(call: CallRecord): Promise<string> {
    const line = (await this.lines.siteLine(call.siteId)) ?? (await this.lines.byId(call.lineId));
    return line?.deskNumber ?? '15';
  }

  private async siteOf(call: CallRecord): Promise<SiteRef> {
    return (
      (await this.directoryCopy.site(call.siteId)) ?? {
        siteId: call.siteId,
        structureId: call.structureId,
        timeZone: UNKNOWN_SITE_ZONE,
        openingHours: [],
      }
    );
  }
}

interface SlotSearch {
  motifId: string;
  practitionerIds?: string[];
  /** The appointment being moved: not offered as its own new time. */
  exclude?: string;
}

function moving(call: CallRecord): SlotSearch | undefined {
  const listed = call.context.listedAppointments?.find((a) => a.id === call.context.movingAppointmentId);
  return listed
    ? { motifId: listed.motifId, practitionerIds: [listed.practitionerId], exclude: listed.startsAt }
    : undefined;
}

function messageStep(call: CallRecord, decision: Decision | null, reason: MessageReason): Outcome {
  return {
    call: { ...call, step: 'recording', messageReason: reason },
    reply: replies.takeMessage(decision, call.id, reason),
    events: [],
  };
}

function reasonOf(error: unknown): MessageReason {
  if (error instanceof AgendaUnavailableError) return 'scheduling_unavailable';
  if (error instanceof AgendaRefusedError) return 'no_slot';
  throw error;
}

function pick<T>(items: readonly T[], digits: string | null | undefined): T | undefined {
  const index = Number.parseInt(digits?.trim() ?? '', 10);
  return Number.isInteger(index) && index >= 1 ? items[index - 1] : undefined;
}
