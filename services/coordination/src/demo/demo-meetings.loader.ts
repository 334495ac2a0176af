import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { isRole, type UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import { DateTime } from 'luxon';
import { ScheduleMeetingHandler } from '../application/meetings/schedule-meeting.handler';
import { MeetingRepository } from '../application/ports/meeting.repository';
import { TeamRepository, type TeamMember } from '../application/ports/team.repository';
import { MeetingSeriesHandler } from '../application/series/meeting-series.handler';
import { CLINICAL_PROFESSIONS, DEMO_RCP_SERIES, DEMO_SYNTHESIS } from './demo-meetings';

export const DEMO_MEETINGS_OPTIONS = Symbol('DEMO_MEETINGS_OPTIONS');

export interface DemoMeetingsOptions {
  /** `COORDINATION_DEMO_DATA=load`. */
  enabled: boolean;
  /** How often to look whether the directory's members have arrived, and how long before giving up. */
  pollMs: number;
  giveUpMs: number;
}

/**
 * Plans the demo practices' coming meetings, in the background after boot, if coordination held no meeting at boot: as
 * the directory's members reach the team copy, each structure with a coordinator and at least two GPs (and no meeting
 * yet) gets its monthly RCP series and a synthesis meeting next week, both at its coordinator's first site and inviting
 * its clinical members — through the application handlers, so every rule holds and scheduling blocks the agendas from
 * the events. A structure whose meetings a replica already planned is skipped (the handlers' own check, then the
 * series' unique occurrences); one a handler refuses is not tried again.
 */
@Injectable()
export class DemoMeetingsLoader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DemoMeetings');
  private stopping = false;
  private wake?: () => void;
  private running?: Promise<void>;
  private readonly done = new Set<string>();

  constructor(
    @Inject(DEMO_MEETINGS_OPTIONS) private readonly options: DemoMeetingsOptions,
    private readonly team: TeamRepository,
    private readonly meetings: MeetingRepository,
    private readonly series: MeetingSeriesHandler,
    private readonly schedule: ScheduleMeetingHandler,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return;
    this.running = this.watch().catch((error: unknown) =>
      this.logger.error(`Demo meetings stopped: ${describe(error)}`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
  }

  private async watch(): Promise<void> {
    if (!(await this.meetings.isEmpty())) {
      this.logger.log('Demo meetings skipped: coordination already holds meetings');
      return;
    }
    const deadline = Date.now() + this.options.giveUpMs;
    while (!this.stopping && Date.now() < deadline) {
      const planned = await this.loadPending();
      if (planned) this.logger.log(`Demo meetings planned for ${planned} structure(s)`);
      await this.pause();
    }
    if (!this.done.size && !this.stopping)
      this.logger.warn('Demo meetings skipped: no structure with a coordinator and two GPs reached coordination');
  }

  /** Plans every structure ready and not planned yet; how many were planned. */
  async loadPending(): Promise<number> {
    let planned = 0;
    for (const coordinator of await this.firstCoordinators()) {
      const structureId = coordinator.structureId;
      if (this.done.has(structureId)) continue;
      const members = await this.team.structureMembers(structureId);
      const clinical = members.filter((m) => CLINICAL_PROFESSIONS.has(m.profession));
      if (clinical.filter((m) => m.profession === 'general_practitioner').length < 2) continue;
      this.done.add(structureId);
      if (!(await this.meetings.isEmpty(structureId))) continue;
      try {
        await this.planStructure(coordinator, clinical);
        planned++;
      } catch (error) {
        this.logger.error(`Demo meetings not planned for structure ${structureId}: ${describe(error)}`);
      }
    }
    return planned;
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
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.options.pollMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
