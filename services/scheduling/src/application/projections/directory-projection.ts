import { Injectable } from '@nestjs/common';
import type { RebuildableCopy } from '@msp/service-kit';
import {
  DirectoryCopyRepository,
  type DirectoryMembership,
  type DirectorySite,
} from '../ports/directory-copy.repository';
import type { TeamSnapshot } from '../ports/patient-directory.port';
import { ReminderScheduler } from '../reminders/reminder-scheduler';

/**
 * Keeps what scheduling needs of the directory — each site's structure and time zone, each member's profession, roles
 * and sites; rebuilt, patients' reminder consents too — inside the caller's transaction (the inbox's for an event: applied once, replays harmless). `asOf` is
 * the time of the event the data comes from: an event older than the last one applied to the row changes nothing
 * (see DirectoryCopyRepository); omitted for a snapshot of the directory.
 */
@Injectable()
export class DirectoryProjection implements RebuildableCopy<TeamSnapshot> {
  constructor(
    private readonly copy: DirectoryCopyRepository,
    private readonly reminders: ReminderScheduler,
  ) {}

  upsertSite(site: DirectorySite, asOf?: string): Promise<void> {
    return this.copy.upsertSite(site, asOf);
  }

  upsertMember(member: DirectoryMembership, asOf?: string): Promise<void> {
    return this.copy.upsertMember(member, asOf);
  }

  memberLeft(member: { memberId: string; structureId: string; leftAt: string }, asOf?: string): Promise<void> {
    return this.copy.memberLeft(member.memberId, member.structureId, member.leftAt, asOf);
  }

  isEmpty(): Promise<boolean> {
    return this.copy.isEmpty();
  }

  /**
   * Without an instant: a snapshot only lands on rows no event has written yet (see DirectoryCopyRepository). Patients'
   * reminder consents come with it, under the same rule (ReminderScheduler.consentsRebuilt).
   */
  async applySnapshot(team: TeamSnapshot): Promise<void> {
    for (const site of team.sites) await this.upsertSite(site);
    for (const member of team.members) await this.upsertMember(member);
    await this.reminders.consentsRebuilt(team.reminderConsents ?? []);
  }
}
