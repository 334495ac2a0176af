import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { BackgroundWatch, Clock, demoMonth, type DemoMonth } from '@msp/service-kit';
import { DateTime } from 'luxon';
import type { TelephonyActor } from '../application/actor';
import { CallProgressHandler } from '../application/calls/call-progress.handler';
import { StartCallHandler } from '../application/calls/start-call.handler';
import type { VoiceReply } from '../application/calls/voice-reply';
import { CallJournalRepository } from '../application/ports/call-journal.repository';
import { DemoCallers } from '../application/ports/demo-callers.port';
import { DemoMonthRepository, type DemoMonthSummary } from '../application/ports/demo-month.repository';
import { DirectoryCopyRepository, type SiteRef } from '../application/ports/directory-copy.repository';
import { LineRepository } from '../application/ports/line.repository';
import { SiteSettingsRepository } from '../application/ports/site-settings.repository';
import { CALLER_PACE } from './demo-month.inputs';
import { planDemoMonth, type PlanSite, type PlannedCall } from './demo-month.plan';

export const DEMO_MONTH_OPTIONS = Symbol('DEMO_MONTH_OPTIONS');

export interface DemoMonthOptions {
  /** `CALL_ROUTING_DEMO_DATA=load`, the switch of the demo lines. */
  enabled: boolean;
  pollMs: number;
  /** Scheduling's demo month has reached the copy when its count of consultations has held still this long. */
  settleMs: number;
  /** Past this after boot, a structure with a line is played with whatever the copies hold (and that is logged). */
  giveUpMs: number;
  /** A claim whose heartbeat is older than this has lapsed: its instance died, another may resume the play. */
  leaseMs: number;
  /** Calls played at once: each waits on the database and on the directory, not on the processor. */
  concurrency: number;
}

/** The telephony platform the demo month plays: its calls are journaled as the simulator's. */
const ACTOR: TelephonyActor = { kind: 'telephony', provider: 'simulator' };
const HEARTBEAT_EVERY_CALLS = 50;

interface Structure {
  structureId: string;
  /** Sorted by id; the first one's zone is the structure's month. */
  sites: SiteRef[];
}

interface Readiness {
  month: DemoMonth;
  from: Date;
  to: Date;
  timeZone: string;
  generalPractitioners: Array<{ memberId: string; siteIds: string[] }>;
  consultations: number;
  /** Every site line has the phone-booking motif (the demo lines are all set). */
  equipped: boolean;
}

/**
 * Plays, once per demo structure and in the background after boot, the calendar month before the first start: the
 * calls of `planDemoMonth` go through call routing's own entry points — the handlers a telephony webhook calls — each
 * step at its instant of the month (`Clock.at`), so the rulebooks, the site's calendar and the practitioners' status
 * in call routing's copy of scheduling's events see that instant, and the journal and the events
 * (`call.received`, `routed`, `message.taken`, `ended`) say what the rules decided. Nothing here sets an outcome.
 *
 * It waits (bounded) for the demo lines and for scheduling's demo month to reach the copy: a structure is played when
 * its count of consultations in the month has held still for `settleMs`, or, past `giveUpMs`, with what there is. A
 * claim row with a heartbeat makes the play once per structure across instances and restarts; a play interrupted is
 * resumed by the next start, doubling nothing (the plan's call ids are the same, and each call step is applied once).
 */
@Injectable()
export class DemoMonthPlayer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DemoMonth');
  private readonly claimant = randomUUID();
  private readonly loop = new BackgroundWatch();

  constructor(
    @Inject(DEMO_MONTH_OPTIONS) private readonly options: DemoMonthOptions,
    private readonly marker: DemoMonthRepository,
    private readonly directoryCopy: DirectoryCopyRepository,
    private readonly lines: LineRepository,
    private readonly settings: SiteSettingsRepository,
    private readonly callers: DemoCallers,
    private readonly starts: StartCallHandler,
    private readonly progress: CallProgressHandler,
    private readonly journal: CallJournalRepository,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.enabled)
      void this.loop.start(
        () => this.watch(),
        (error) => this.logger.error(`Demo month stopped: ${error.message}`),
      );
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  private async watch(): Promise<void> {
    const bootedAt = this.clock.now().getTime();
    const lateAt = bootedAt + this.options.giveUpMs;
    // Long enough for a claim left by an instance that died to lapse, so that this one resumes it.
    const stopAt = lateAt + this.options.leaseMs;
    const counts = new Map<string, { consultations: number; since: number }>();
    while (!this.loop.stopping) {
      const now = this.clock.now().getTime();
      const pending = await this.pendingStructures();
      if (pending.length === 0 && now >= lateAt) return;
      for (const structure of pending) {
        if (this.loop.stopping) return;
        const readiness = await this.readiness(structure);
        const seen = counts.get(structure.structureId);
        if (!seen || seen.consultations !== readiness.consultations)
          counts.set(structure.structureId, { consultations: readiness.consultations, since: now });
        const held = now - (counts.get(structure.structureId)?.since ?? now) >= this.options.settleMs;
        const settled = readiness.consultations > 0 && held;
        if ((settled && readiness.equipped) || now >= lateAt) await this.play(structure, readiness, bootedAt);
      }
      if (now >= stopAt) {
        const left = (await this.pendingStructures()).length;
        if (left > 0)
          this.logger.warn(`Demo month: ${left} structures left unplayed, claimed by another instance that is alive`);
        return;
      }
      await this.pause();
    }
  }

  /** Structures with at least one line of a site, whose month is not finished. */
  private async pendingStructures(): Promise<Structure[]> {
    const finished = new Set(await this.marker.finished());
    const bySite = new Map<string, SiteRef[]>();
    for (const site of await this.directoryCopy.sites())
      if (!finished.has(site.structureId))
        bySite.set(site.structureId, [...(bySite.get(site.structureId) ?? []), site]);
    const pending: Structure[] = [];
    for (const [structureId, sites] of bySite) {
      const lines = await this.lines.ofStructure(structureId);
      if (lines.some((line) => line.practitionerId === null))
        pending.push({ structureId, sites: sites.sort((a, b) => a.siteId.localeCompare(b.siteId)) });
    }
    return pending;
  }

  private async readiness(structure: Structure): Promise<Readiness> {
    const timeZone = structure.sites[0].timeZone;
    const month = demoMonth(this.clock.now(), timeZone);
    const first = DateTime.fromISO(`${month.month}-01`, { zone: timeZone });
    const from = first.toJSDate();
    const to = first.plus({ months: 1 }).toJSDate();
    const generalPractitioners = await this.marker.generalPractitioners(structure.structureId);
    const consultations = await this.marker.consultationsStarted(
      generalPractitioners.map((gp) => gp.memberId),
      from,
      to,
    );
    const siteLines = (await this.lines.ofStructure(structure.structureId)).filter((l) => l.practitionerId === null);
    const motifs = await Promise.all(siteLines.map(async (l) => (await this.settings.get(l.siteId))?.bookingMotifId));
    return {
      month,
      from,
      to,
      timeZone,
      generalPractitioners,
      consultations,
      equipped: siteLines.length > 0 && motifs.every(Boolean),
    };
  }

  private async play(structure: Structure, readiness: Readiness, bootedAt: number): Promise<void> {
    const { structureId } = structure;
    if (
      !(await this.marker.claim(
        structureId,
        readiness.month.month,
        this.claimant,
        this.clock.now(),
        this.options.leaseMs,
      ))
    )
      return;
    const started = this.clock.now().getTime();
    if (readiness.consultations === 0)
      this.logger.warn(
        `Demo month ${readiness.month.month}, structure ${structureId}: no consultation of the month reached call routing's copy of scheduling's events within ${Math.round(this.options.giveUpMs / 1000)} s; playing anyway, no call will find a practitioner in consultation`,
      );
    if (!readiness.equipped)
      this.logger.warn(
        `Demo month ${readiness.month.month}, structure ${structureId}: not every line has its phone-booking motif; booking calls there will end in a message`,
      );
    const plan = await this.plan(structure, readiness);
    this.logger.log(
      `Demo month ${readiness.month.month}, structure ${structureId}: playing ${plan.calls.length} calls (${readiness.generalPractitioners.length} general practitioners, ${plan.lines} lines, ${readiness.month.workingDays.length} working days, ${plan.patientNumbers} patient numbers from the directory, ${readiness.consultations} consultations of the month in the copy)`,
    );

    let played = 0;
    const failures: string[] = [];
    const queue = [...plan.calls];
    const worker = async () => {
      for (let call = queue.shift(); call && !this.loop.stopping; call = queue.shift()) {
        try {
          await this.playCall(call);
        } catch (error) {
          // The call's id names the structure and the day; the error never carries the caller's number here.
          failures.push(`${call.providerCallId}: ${error instanceof Error ? error.name : 'error'}`);
        }
        played += 1;
        if (played % HEARTBEAT_EVERY_CALLS === 0)
          await this.marker.heartbeat(structureId, this.claimant, this.clock.now());
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, worker));
    if (this.loop.stopping) return;
    if (failures.length > 0) {
      // Not marked finished: the next start plays the month again, which completes the calls that failed.
      this.logger.error(
        `Demo month ${readiness.month.month}, structure ${structureId}: ${failures.length} of ${plan.calls.length} calls failed (first: ${failures[0]}); the next start resumes`,
      );
      return;
    }

    const stats = await this.journal.statistics({
      structureId,
      from: readiness.from,
      to: readiness.to,
      timeZone: readiness.timeZone,
    });
    const finishedAt = this.clock.now();
    const summary: DemoMonthSummary = {
      month: readiness.month.month,
      planned: plan.calls.length,
      calls: stats.calls,
      handledWithoutHuman: stats.handledWithoutHuman,
      messagesTaken: stats.messagesTaken,
      transferredToHuman: stats.transferredToHuman,
      redirectedTo15: stats.redirectedTo15,
      duringConsultation: stats.duringConsultation,
      consultationsInterrupted: stats.consultationsInterrupted,
      interruptionsAvoided: stats.interruptionsAvoided,
      consultationsInCopy: readiness.consultations,
      durationMs: finishedAt.getTime() - started,
    };
    await this.marker.finish(structureId, this.claimant, finishedAt, summary);
    const share = (n: number) => (stats.calls ? `${Math.round((100 * n) / stats.calls)} %` : '–');
    this.logger.log(
      `Demo month ${summary.month}, structure ${structureId}: played in ${summary.durationMs} ms (${finishedAt.getTime() - bootedAt} ms after boot): ${stats.calls} calls, ${stats.handledWithoutHuman} handled without a human (${share(stats.handledWithoutHuman)}), ${stats.messagesTaken} messages (${share(stats.messagesTaken)}), ${stats.transferredToHuman} transferred, ${stats.redirectedTo15} sent to the 15; ${stats.duringConsultation} during a consultation: ${stats.consultationsInterrupted} interrupted it, ${stats.interruptionsAvoided} did not`,
    );
  }

  private async plan(
    structure: Structure,
    readiness: Readiness,
  ): Promise<{ calls: PlannedCall[]; lines: number; patientNumbers: number }> {
    const sites: PlanSite[] = [];
    for (const line of await this.lines.ofStructure(structure.structureId)) {
      const site = structure.sites.find((s) => s.siteId === line.siteId);
      if (line.practitionerId === null && site)
        sites.push({
          siteId: site.siteId,
          number: line.number,
          timeZone: site.timeZone,
          openingHours: site.openingHours,
        });
    }
    const others = new Set(
      (await this.directoryCopy.sites()).map((s) => s.structureId).filter((id) => id !== structure.structureId),
    );
    const colleagueNumbers: string[] = [];
    for (const other of others)
      for (const line of await this.lines.ofStructure(other))
        if (line.practitionerId === null) colleagueNumbers.push(line.number);
    const patientNumbers = await this.callers.ofStructure(structure.structureId);
    const calls = planDemoMonth({
      structureId: structure.structureId,
      month: readiness.month,
      generalPractitioners: readiness.generalPractitioners,
      sites,
      patientNumbers,
      colleagueNumbers,
    });
    return { calls, lines: sites.length, patientNumbers: patientNumbers.length };
  }

  /**
   * One call as the telephony platform and the caller play it, each event at its instant: ring, answer the menu as
   * planned, take the first slot or appointment offered, leave a message when asked, talk when put through, hang up.
   * A call already played answers its recorded replies again and changes nothing.
   */
  private async playCall(call: PlannedCall): Promise<void> {
    const providerCallId = call.providerCallId;
    let at = call.at.getTime();
    const after = <T>(seconds: number, work: () => Promise<T>): Promise<T> => {
      at += seconds * 1000;
      return this.clock.at(new Date(at), work);
    };
    let reply: VoiceReply = await after(0, () =>
      this.starts.execute(ACTOR, { providerCallId, from: call.from, to: call.to }),
    );
    for (let turn = 0; turn < 6; turn += 1) {
      const last = reply.steps.at(-1);
      if (last?.verb === 'gather' && last.next === 'intent')
        reply = await after(CALLER_PACE.answersMenuAfterSeconds, () =>
          this.progress.answered(ACTOR, { providerCallId, ...call.said }),
        );
      else if (last?.verb === 'gather')
        reply = await after(CALLER_PACE.choosesAfterSeconds, () =>
          this.progress.answered(ACTOR, { providerCallId, digits: '1' }),
        );
      else if (last?.verb === 'record')
        reply = await after(call.recordingSeconds, () =>
          this.progress.messageRecorded(ACTOR, { providerCallId, recordingSeconds: call.recordingSeconds }),
        );
      else break;
    }
    const last = reply.steps.at(-1);
    const talking = last?.verb === 'dial' || last?.verb === 'enqueue';
    await after(talking ? call.talkSeconds : CALLER_PACE.hangsUpAfterSeconds, () =>
      this.progress.ended(ACTOR, { providerCallId }),
    );
  }

  private pause(): Promise<void> {
    return this.loop.pause(this.options.pollMs);
  }
}
