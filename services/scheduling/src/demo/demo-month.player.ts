import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Role, UserContext } from '@msp/auth';
import { DomainError } from '@msp/errors';
import { TransactionRunner } from '@msp/persistence';
import { BackgroundWatch, Clock, demoMonth, type DemoMonth } from '@msp/service-kit';
import { memberActor, type Actor } from '../application/actor';
import { BookAppointmentHandler } from '../application/booking/book-appointment.handler';
import { CancelAppointmentHandler } from '../application/booking/cancel-appointment.handler';
import { CompleteAppointmentHandler } from '../application/lifecycle/complete-appointment.handler';
import { MarkArrivedHandler } from '../application/lifecycle/mark-arrived.handler';
import { MarkNoShowHandler } from '../application/lifecycle/mark-no-show.handler';
import { StartConsultationHandler } from '../application/lifecycle/start-consultation.handler';
import { AgendaRepository } from '../application/ports/agenda.repository';
import { Savepoints } from '../application/ports/savepoints';
import { addDays } from '../domain/local-date';
import { atWallTime } from '../domain/zoned-time';
import { DemoMonthRepository, type DemoMonthState } from '../infrastructure/repositories/demo-month.repository';
import { TeamSnapshotRepository, type ProjectedMember } from '../infrastructure/repositories/team-snapshot.repository';
import { DemoAgendaLoader } from './demo-agenda.loader';
import { planDemoMonth, stepsOf, type DemoMonthDay, type DemoMonthSetting, type DemoStep } from './demo-month.plan';

export const DEMO_MONTH_OPTIONS = Symbol('DEMO_MONTH_OPTIONS');

export interface DemoMonthOptions {
  /** `SCHEDULING_DEMO_DATA=load`, the switch of the demo agendas. */
  enabled: boolean;
  /** How often to look for demo months to play and whether the structure's patients hold still; when to stop looking. */
  pollMs: number;
  giveUpMs: number;
}

/** What playing one structure's month did (days already played by another replica or a previous run not counted). */
export interface DemoMonthSummary {
  structureId: string;
  month: string;
  days: number;
  booked: number;
  completed: number;
  noShows: number;
  cancelled: number;
  /** Handler calls refused (a meeting or an absence placed meanwhile…), by error code. */
  refused: Record<string, number>;
  ms: number;
}

type Tally = Omit<DemoMonthSummary, 'structureId' | 'month' | 'ms'>;

interface Actors {
  /** Desk staff of the site (secretary, medical assistant), in turn; the practitioner when the site has none. */
  desk(siteId: string, practitionerId: string, turn: number): Actor;
  practitioner(memberId: string): Actor;
}

/**
 * Plays each demo structure's demo month (the calendar month before the first start) through scheduling's own handlers,
 * in the background after boot: once the structure's demo agendas exist (`demo_month` row, written with them) and its
 * patients have reached scheduling and hold still between two looks, every appointment of `planDemoMonth` is booked by
 * the desk ahead (unscheduled care on its day), cancelled before its day or, on its day, marked arrived, in consultation
 * and completed, or no-show at its end — each call run inside `clock.at(instant)`, so every rule sees that instant and
 * every event is recorded in the outbox as it would have been then. A day is one transaction holding the structure's
 * `demo_month` row: a restart resumes after the last day played, and a second replica waits, then skips the days played.
 */
@Injectable()
export class DemoMonthPlayer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DemoMonth');
  private readonly loop = new BackgroundWatch();

  constructor(
    @Inject(DEMO_MONTH_OPTIONS) private readonly options: DemoMonthOptions,
    private readonly transactions: TransactionRunner,
    private readonly savepoints: Savepoints,
    private readonly months: DemoMonthRepository,
    private readonly team: TeamSnapshotRepository,
    private readonly agenda: AgendaRepository,
    private readonly agendas: DemoAgendaLoader,
    private readonly book: BookAppointmentHandler,
    private readonly cancel: CancelAppointmentHandler,
    private readonly arrive: MarkArrivedHandler,
    private readonly startConsultation: StartConsultationHandler,
    private readonly complete: CompleteAppointmentHandler,
    private readonly noShow: MarkNoShowHandler,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.enabled)
      void this.loop.start(
        () => this.watch(),
        (error) => this.logger.error(`Demo month stopped: ${describe(error)}`),
      );
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  private async watch(): Promise<void> {
    const deadline = Date.now() + this.options.giveUpMs;
    const patientCounts = new Map<string, number>();
    const failed = new Set<string>();
    let pending: DemoMonthState[] = [];
    // The first look after one pause: the agenda loader has started watching by then.
    await this.pause();
    while (this.loop.goesOn(deadline)) {
      pending = (await this.months.pending()).filter((p) => !failed.has(p.structureId));
      if (!pending.length && !this.agendas.isWatching()) return;
      const ready: Array<{ state: DemoMonthState; patients: string[] }> = [];
      for (const state of pending) {
        const patients = await this.months.patientsOf(state.structureId);
        const before = patientCounts.get(state.structureId);
        patientCounts.set(state.structureId, patients.length);
        if (patients.length && before === patients.length) ready.push({ state, patients });
      }
      // Structures side by side: each day is a transaction of its own structure, they share nothing.
      await Promise.all(ready.map(({ state, patients }) => this.playAndLog(state, patients, failed)));
      await this.pause();
    }
    if (pending.length && !this.loop.stopping)
      this.logger.warn(
        `Demo month not played for ${pending.length} structure(s): no patients reached scheduling within ${Math.round(this.options.giveUpMs / 1000)} s (resumed at the next start)`,
      );
  }

  private async playAndLog(state: DemoMonthState, patients: string[], failed: Set<string>): Promise<void> {
    try {
      this.log(await this.play(state, patients));
    } catch (error) {
      failed.add(state.structureId);
      const reached = (await this.months.pending()).find((p) => p.structureId === state.structureId);
      this.logger.error(
        `Demo month ${state.month} of structure ${state.structureId} stopped with ${reached?.playedThrough ? `days through ${reached.playedThrough}` : 'no day'} played (resumed at the next start): ${describe(error)}`,
      );
    }
  }

  private pause(): Promise<void> {
    return this.loop.pause(this.options.pollMs);
  }

  /** Plays every pending demo month whose structure has patients, now; what the watcher does once they hold still. */
  async playPending(): Promise<DemoMonthSummary[]> {
    const summaries: DemoMonthSummary[] = [];
    for (const state of await this.months.pending()) {
      const patients = await this.months.patientsOf(state.structureId);
      if (patients.length) summaries.push(await this.play(state, patients));
    }
    return summaries;
  }

  private async play(state: DemoMonthState, patients: string[]): Promise<DemoMonthSummary> {
    const started = Date.now();
    const { structureId } = state;
    const members = (await this.team.members()).filter((m) => m.structureId === structureId);
    const days = planDemoMonth(await this.settingOf(state, members, patients));
    const actors = actorsOf(structureId, members);
    const tally: Tally = { days: 0, booked: 0, completed: 0, noShows: 0, cancelled: 0, refused: {} };
    for (const day of days) {
      if (this.loop.stopping) break;
      if (state.playedThrough && day.date <= state.playedThrough) continue;
      const played = await this.transactions.run(() => this.playDay(structureId, day, actors));
      if (played) add(tally, played);
    }
    if (!this.loop.stopping) await this.months.markCompleted(structureId, this.clock.now());
    return { structureId, month: state.month, ...tally, ms: Date.now() - started };
  }

  /** One day's appointments, in one transaction holding the structure's row; nothing if that day was played already. */
  private async playDay(structureId: string, day: DemoMonthDay, actors: Actors): Promise<Tally | null> {
    const state = await this.months.lock(structureId);
    if (!state || state.completedAt || (state.playedThrough && day.date <= state.playedThrough)) return null;
    // Counted per attempt: a transaction retried after a deadlock plays the day again from scratch.
    const tally: Tally = { days: 1, booked: 0, completed: 0, noShows: 0, cancelled: 0, refused: {} };
    const ids = new Map<number, string>();
    const now = this.clock.now();
    for (const step of stepsOf(day)) {
      if (step.at.getTime() > now.getTime() || (step.kind !== 'book' && !ids.has(step.appointment.ref))) continue;
      try {
        await this.clock.at(step.at, () => this.savepoints.attempt(() => this.perform(step, ids, actors)));
        if (step.kind === 'book') tally.booked++;
        if (step.kind === 'complete') tally.completed++;
        if (step.kind === 'no_show') tally.noShows++;
        if (step.kind === 'cancel') tally.cancelled++;
      } catch (error) {
        // A refusal (a meeting or an absence placed meanwhile) leaves that appointment out; an outage stops the day.
        if (!(error instanceof DomainError) || error.retryable) throw error;
        tally.refused[error.code] = (tally.refused[error.code] ?? 0) + 1;
      }
    }
    await this.months.markPlayed(structureId, day.date);
    return tally;
  }

  private async perform(step: DemoStep, ids: Map<number, string>, actors: Actors): Promise<void> {
    const a = step.appointment;
    const desk = () => actors.desk(a.siteId, a.practitionerId, a.ref);
    const appointmentId = ids.get(a.ref) as string;
    switch (step.kind) {
      case 'book': {
        const booked = await this.book.execute(desk(), {
          practitionerId: a.practitionerId,
          siteId: a.siteId,
          motifId: a.motifId,
          startsAt: a.startsAt.toISOString(),
          patientId: a.patientId,
        });
        ids.set(a.ref, booked.id);
        return;
      }
      case 'cancel':
        await this.cancel.execute(desk(), { appointmentId, reason: 'patient_request', cancelledBy: 'patient' });
        return;
      case 'arrive':
        await this.arrive.execute(desk(), { appointmentId });
        return;
      case 'start':
        await this.startConsultation.execute(actors.practitioner(a.practitionerId), { appointmentId });
        return;
      case 'complete':
        await this.complete.execute(actors.practitioner(a.practitionerId), { appointmentId });
        return;
      case 'no_show':
        await this.noShow.execute(desk(), { appointmentId });
        return;
    }
  }

  private async settingOf(
    state: DemoMonthState,
    members: ProjectedMember[],
    patientIds: string[],
  ): Promise<DemoMonthSetting> {
    const { structureId, timeZone } = state;
    const month = monthNamed(state.month, timeZone);
    const first = month.days[0].date;
    const last = month.days[month.days.length - 1].date;
    const practitioners = members.filter((m) => m.roles.includes('practitioner'));
    const ids = practitioners.map((m) => m.memberId);
    const start = atWallTime(first, { hour: 0, minute: 0 }, timeZone);
    const end = atWallTime(addDays(last, 1), { hour: 0, minute: 0 }, timeZone);
    return {
      structureId,
      month,
      monthBefore: demoMonth(start, timeZone),
      practitioners: practitioners.map((m) => ({ memberId: m.memberId, profession: m.profession })),
      sites: (await this.team.sites()).filter((s) => s.structureId === structureId),
      ranges: await this.agenda.ranges({ structureId, from: first, to: last }),
      motifs: await this.agenda.motifsOfStructure(structureId),
      patientIds,
      // Absences and coordination meetings. Not the appointments: the only ones in that month are this player's, of
      // days already played, and leaving them out keeps the days still to play as first drawn.
      blocked: [
        ...(await this.agenda.exceptions(ids, start, end)),
        ...(await this.agenda.meetingBusy(ids, start, end)),
      ],
    };
  }

  private log(summary: DemoMonthSummary): void {
    const { structureId, month, days, booked, completed, noShows, cancelled, refused, ms } = summary;
    const refusals = Object.entries(refused).map(([code, n]) => `${n} ${code}`);
    this.logger.log(
      `Demo month ${month} played for structure ${structureId} in ${ms} ms: ${days} days, ${booked} appointments booked, ${completed} completed, ${noShows} no-shows, ${cancelled} cancelled${refusals.length ? `, refused: ${refusals.join(', ')}` : ''}`,
    );
  }
}

function add(total: Tally, day: Tally): void {
  total.days += day.days;
  total.booked += day.booked;
  total.completed += day.completed;
  total.noShows += day.noShows;
  total.cancelled += day.cancelled;
  for (const [code, n] of Object.entries(day.refused)) total.refused[code] = (total.refused[code] ?? 0) + n;
}

/** The demo month `YYYY-MM`: `demoMonth` gives the month before the instant it is asked at. */
function monthNamed(month: string, timeZone: string): DemoMonth {
  const next = DateTime.fromISO(`${month}-01`, { zone: timeZone }).plus({ months: 1 });
  return demoMonth(next.toJSDate(), timeZone);
}

function actorsOf(structureId: string, members: ProjectedMember[]): Actors {
  const userOf = (m: ProjectedMember): UserContext => ({
    memberId: m.memberId,
    memberships: [{ structureId, roles: m.roles as Role[], siteIds: m.siteIds }],
  });
  const desks = members.filter((m) => m.roles.includes('secretary') || m.roles.includes('medical_assistant'));
  const byId = new Map(members.map((m) => [m.memberId, m]));
  return {
    desk(siteId, practitionerId, turn) {
      const here = desks.filter((m) => m.siteIds.includes(siteId));
      const member = here.length ? here[turn % here.length] : byId.get(practitionerId);
      return memberActor(member ? userOf(member) : { memberId: practitionerId, memberships: [] });
    },
    practitioner(memberId) {
      const member = byId.get(memberId);
      return memberActor(member ? userOf(member) : { memberId, memberships: [] });
    },
  };
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
