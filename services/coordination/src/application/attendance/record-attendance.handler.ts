import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { CoordinationError } from '../../domain/coordination-error';
import { MAX_INVITEES } from '../../domain/meeting';
import { assertAttendanceOpen, checkAttendanceStatus } from '../../domain/minutes';
import { meetsRule, professionsPresent } from '../../domain/pluriprofessional-rule';
import { assertUuid } from '../input-checks';
import { OrganisedMeetings } from '../minutes/organised-meetings';
import { MeetingRepository, type Meeting } from '../ports/meeting.repository';
import { MinutesRepository, type AttendanceEntry } from '../ports/minutes.repository';
import { PluriprofessionalRules } from '../ports/pluriprofessional-rules.repository';
import { TeamRepository } from '../ports/team.repository';

export interface RecordAttendanceInput {
  meetingId: string;
  entries: Array<{ memberId: string; status: string }>;
}

/**
 * COO-4: who was present, excused or absent. Each recording is the whole attendance (a correction replaces the
 * former one until the minutes close); the professions present and the structure's rule decide whether the meeting
 * counts as pluriprofessional. The first recording makes the meeting held.
 */
@Injectable()
export class RecordAttendanceHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly organised: OrganisedMeetings,
    private readonly meetings: MeetingRepository,
    private readonly minutes: MinutesRepository,
    private readonly team: TeamRepository,
    private readonly rules: PluriprofessionalRules,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: RecordAttendanceInput): Promise<Meeting> {
    const meetingId = assertUuid(input.meetingId, 'input.meetingId');
    const entries = this.entries(input.entries);
    return this.transactions.run(async () => {
      const meeting = await this.organised.lock(user, meetingId);
      const now = this.clock.now();
      assertAttendanceOpen(meeting, now);
      await this.assertAttendees(meeting, entries);
      const present = entries.filter((e) => e.status === 'present').map((e) => e.memberId);
      const professionOf = await this.minutes.professions(meeting.structureId, present);
      const professions = professionsPresent(present.flatMap((id) => professionOf.get(id) ?? []));
      const pluriprofessional = meetsRule(professions, await this.rules.of(meeting.structureId));
      const firstRecording = meeting.status === 'scheduled';
      await this.minutes.recordAttendance(meetingId, entries);
      await this.minutes.markHeld(meetingId, professions, pluriprofessional, now);
      const held = await this.meetings.reread(meetingId);
      if (firstRecording)
        await this.outbox.record('coordination.meeting.held.v1', {
          meetingId,
          structureId: held.structureId,
          kind: held.kind,
          siteId: held.siteId,
          startsAt: held.startsAt.toISOString(),
          endsAt: held.endsAt.toISOString(),
          heldAt: now.toISOString(),
        });
      const idsOf = (status: AttendanceEntry['status']) =>
        entries.filter((e) => e.status === status).map((e) => e.memberId);
      await this.outbox.record('coordination.attendance.recorded.v1', {
        meetingId,
        structureId: held.structureId,
        kind: held.kind,
        startsAt: held.startsAt.toISOString(),
        presentIds: idsOf('present'),
        excusedIds: idsOf('excused'),
        absentIds: idsOf('absent'),
        professionsPresent: professions,
        pluriprofessional,
        recordedAt: now.toISOString(),
      });
      return held;
    });
  }

  private entries(raw: RecordAttendanceInput['entries']): AttendanceEntry[] {
    if (!Array.isArray(raw) || raw.length === 0)
      throw CoordinationError.invalid('input.entries', 'tell the attendance of at least one member');
    if (raw.length > MAX_INVITEES + 20)
      throw CoordinationError.invalid('input.entries', `at most ${MAX_INVITEES + 20} members`);
    const seen = new Set<string>();
    const entries = raw.map((entry, i) => {
      const memberId = assertUuid(entry.memberId, `input.entries[${i}].memberId`);
      if (seen.has(memberId)) throw CoordinationError.invalid(`input.entries[${i}].memberId`, 'is listed twice');
      seen.add(memberId);
      return { memberId, status: checkAttendanceStatus(entry.status, `input.entries[${i}].status`) };
    });
    if (!entries.some((e) => e.status === 'present'))
      throw CoordinationError.invalid('input.entries', 'a meeting held has at least one member present');
    return entries;
  }

  /** Invitees, or current members of the meeting's structure who came without an invitation. */
  private async assertAttendees(meeting: Meeting, entries: readonly AttendanceEntry[]): Promise<void> {
    const invited = new Set(meeting.invitations.map((i) => i.memberId));
    const others = entries.filter((e) => !invited.has(e.memberId)).map((e) => e.memberId);
    const members = new Set((await this.team.members(meeting.structureId, others)).map((m) => m.memberId));
    const stranger = entries.findIndex((e) => !invited.has(e.memberId) && !members.has(e.memberId));
    if (stranger >= 0)
      throw CoordinationError.invalid(
        `input.entries[${stranger}].memberId`,
        'is neither invited nor a current member of the meeting’s structure',
      );
  }
}
