import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { isRole, type UserContext } from '@msp/auth';
import { DomainError } from '@msp/errors';
import { requireActiveManager, TransactionRunner } from '@msp/persistence';
import { BackgroundWatch, Clock } from '@msp/service-kit';
import { DateTime } from 'luxon';
import { ScheduleMeetingHandler } from '../application/meetings/schedule-meeting.handler';
import { MeetingRepository } from '../application/ports/meeting.repository';
import { TeamDirectory } from '../application/ports/team-directory.port';
import { TeamRepository, type TeamMember } from '../application/ports/team.repository';
import { MeetingSeriesHandler } from '../application/series/meeting-series.handler';
import { CLINICAL_PROFESSIONS, DEMO_RCP_SERIES, DEMO_SYNTHESIS } from './demo-meetings';
import { CoordinationMonthPlayer } from './demo-month.player';

export const DEMO_MEETINGS_OPTIONS = Symbol('DEMO_MEETINGS_OPTIONS');

export interface DemoMeetingsOptions {
  /** `COORDINATION_DEMO_DATA=load`. */
  enabled: boolean;
  /** How often to look whether the directory's members have arrived, and how long before giving up. */
  pollMs: number;
  giveUpMs: number;
}

/** Any fixed number, the same for every replica; distinct from the migration lock's and the other services'. */
const DEMO_MEETINGS_LOCK_KEY = 727_274_105;

/**
 * The demo practices' meetings, in the background after boot, if coordination held no meeting at boot. As soon as a
 * structure with a coordinator and at least two GPs has its whole team in the copy (as the directory's snapshot
 * lists it), it gets, in one transaction under an advisory lock: last month's concertation meetings held through the
 * handlers at their instants (`CoordinationMonthPlayer`), then its monthly RCP series from tomorrow and a synthesis
 * meeting next week, at its coordinator's first site, inviting its clinical members. Replicas booting together, or a
 * restart in the middle, load each structure once and whole: a structure holding a meeting is never loaded again. A
 * directory that does not answer (the month's patients come from it) is tried again at the next look; a structure a
 * handler refuses is not.
 */
@Injectable()
export class DemoMeetingsLoader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DemoMeetings');
  private readonly loop = new BackgroundWatch();
  private readonly done = new Set<string>();

  constructor(
    @Inject(DEMO_MEETINGS_OPTIONS) private readonly options: DemoMeetingsOptions,
    private readonly transactions: TransactionRunner,
    private readonly team: TeamRepository,
    private readonly directory: TeamDirectory,
    private readonly meetings: MeetingRepository,
    private readonly series: MeetingSeriesHandler,
    private readonly schedule: ScheduleMeetingHandler,
    private readonly month: CoordinationMonthPlayer,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return;
    void this.loop.start(
      () => this.watch(),
      (error) => this.logger.error(`Demo meetings stopped: ${describe(error)}`),
    );
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  private async watch(): Promise<void> {
    if (!(await this.meetings.isEmpty())) {
      this.logger.log('Demo meetings skipped: coordination already holds meetings');
      return;
    }
    const deadline = Date.now() + this.options.giveUpMs;
    while (this.loop.goesOn(deadline)) {
      const planned = await this.loadPending();
      if (planned) this.logger.log(`Demo meetings planned for ${planned} structure(s)`);
      await this.pause();
    }
    if (!this.done.size && !this.loop.stopping)
      this.logger.warn('Demo meetings skipped: no structure with a coordinator and two GPs reached coordination');
  }

  /** Loads every structure ready and not loaded yet; how many were loaded. */
  async loadPending(): Promise<number> {
    let planned = 0;
    const coordinators = await this.firstCoordinators();
    const listed = coordinators.some((c) => !this.done.has(c.structureId)) ? await this.listedTeams() : null;
    for (const coordinator of coordinators) {
      const structureId = coordinator.structureId;
      if (this.done.has(structureId) || !listed) continue;
      const members = await this.team.structureMembers(structureId);
      const expected = listed.get(structureId);
      const present = new Set(members.map((m) => m.memberId));
      if (!expected?.size || [...expected].some((id) => !present.has(id))) continue;
      const clinical = members.filter((m) => CLINICAL_PROFESSIONS.has(m.profession));
      if (clinical.filter((m) => m.profession === 'general_practitioner').length < 2) continue;
      this.done.add(structureId);
      const started = Date.now();
      try {
        const loaded = await this.transactions.run(async () => {
          await requireActiveManager('Loading demo meetings').query('select pg_advisory_xact_lock($1)', [
            DEMO_MEETINGS_LOCK_KEY,
          ]);
          // Read committed: this sees whatever a replica that held the lock before us committed.
          if (!(await this.meetings.isEmpty(structureId))) return null;
          const month = await this.month.play(coordinator);
          await this.planStructure(coordinator, clinical);
          return { month };
        });
        if (!loaded) continue;
        planned++;
        const { month } = loaded;
        this.logger.log(
          month
            ? `Demo month ${month.month} of structure ${structureId} played in ${Date.now() - started} ms: ` +
                `${month.meetingsHeld} meetings held (${month.pluriprofessional} pluriprofessional), ` +
                `${month.casesReviewed} cases reviewed, ${month.decisions} decisions, ${month.actionItems} action items, ` +
                `${month.notificationsDelivered} notifications delivered; coming meetings planned`
            : `Demo month of structure ${structureId} not played (no eligible patient to review); coming meetings planned in ${Date.now() - started} ms`,
        );
      } catch (error) {
        // The directory down or slow: the month's patients come from it, so look again later.
        if (error instanceof DomainError && error.kind === 'unavailable') {
          this.done.delete(structureId);
          this.logger.warn(`Demo meetings for structure ${structureId} wait (nothing written): ${describe(error)}`);
        } else
          this.logger.error(
            `Demo meetings not planned for structure ${structureId} (nothing written): ${describe(error)}`,
          );
      }
    }
    return planned;
  }

  /**
   * The members the directory lists per structure: a structure is loaded once its copy holds all of them (the
   * directory writes its demo in one transaction, so the snapshot is all or nothing). Null when it does not answer.
   */
  private async listedTeams(): Promise<Map<string, Set<string>> | null> {
    try {
      const listed = new Map<string, Set<string>>();
      for (const m of (await this.directory.snapshot()).members)
        listed.set(m.structureId, (listed.get(m.structureId) ?? new Set()).add(m.memberId));
      return listed;
    } catch (error) {
      this.logger.warn(`Demo meetings wait: the directory's team is unavailable (${describe(error)})`);
      return null;
    }
  }

  private async firstCoordinators(): Promise<TeamMember[]> {
    const first = new Map<string, TeamMember>();
    for (const member of await this.team.withRole('coordinator'))
      if (!first.has(member.structureId)) first.set(member.structureId, member);
    return [...first.values()];
  }

  private async planStructure(coordinator: TeamMember, clinical: TeamMember[]): Promise<void> {
    const structureId = coordinator.structureId;
    const asCoordinator: UserContext = {
      memberId: coordinator.memberId,
      memberships: [{ structureId, roles: coordinator.roles.filter(isRole), siteIds: coordinator.siteIds }],
    };
    let siteId: string | null = null;
    for (const id of coordinator.siteIds)
      if (!siteId && (await this.team.site(id))?.structureId === structureId) siteId = id;
    const videoLink = siteId ? null : 'https://visio.example.org/rcp';
    const zone = await this.team.structureTimeZone(structureId);
    const today = DateTime.fromJSDate(this.clock.now(), { zone });
    const invitees = clinical.slice(0, 20).map((m) => m.memberId);
    await this.series.create(asCoordinator, {
      ...DEMO_RCP_SERIES,
      structureId,
      startsOn: today.plus({ days: 1 }).toISODate() as string,
      siteId,
      videoLink,
      inviteeIds: invitees,
    });
    const [hour, minute] = DEMO_SYNTHESIS.localStartTime.split(':').map(Number);
    const start = today
      .plus({ weeks: 1 })
      .set({ weekday: DEMO_SYNTHESIS.weekday, hour, minute, second: 0, millisecond: 0 });
    const gps = clinical.filter((m) => m.profession === 'general_practitioner').slice(0, 2);
    const others = clinical.filter((m) => m.profession !== 'general_practitioner').slice(0, 3);
    await this.schedule.execute(asCoordinator, {
      structureId,
      kind: DEMO_SYNTHESIS.kind,
      title: DEMO_SYNTHESIS.title,
      siteId,
      videoLink,
      startsAt: start.toISO() as string,
      endsAt: start.plus({ minutes: DEMO_SYNTHESIS.durationMinutes }).toISO() as string,
      inviteeIds: [...gps, ...others].map((m) => m.memberId),
      // The demo shows what happens where patients are already booked: the invitation says so.
      placeOverBookedPatients: true,
    });
  }

  private pause(): Promise<void> {
    return this.loop.pause(this.options.pollMs);
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
