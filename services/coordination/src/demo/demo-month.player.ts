import { Injectable } from '@nestjs/common';
import { isRole, type UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import { AciConcertationQuery, MAX_PROPOSALS } from '../application/aci/aci-concertation.query';
import { RecordAttendanceHandler } from '../application/attendance/record-attendance.handler';
import { MeetingCasesHandler } from '../application/cases/meeting-cases.handler';
import { AnswerInvitationHandler } from '../application/meetings/answer-invitation.handler';
import { ScheduleMeetingHandler } from '../application/meetings/schedule-meeting.handler';
import { CloseMinutesHandler } from '../application/minutes/close-minutes.handler';
import { MinutesHandler } from '../application/minutes/minutes.handler';
import { REMINDER_OFFSETS_MS } from '../application/notifications/meeting-notifications';
import { NotificationDispatcher } from '../application/notifications/notification-dispatcher';
import type { Meeting } from '../application/ports/meeting.repository';
import { TeamRepository, type TeamMember } from '../application/ports/team.repository';
import type { ProposedPatient } from '../domain/aci-concertation';
import { CLINICAL_PROFESSIONS } from './demo-meetings';
import { planCoordinationMonth, type PlannedMeeting } from './demo-month.plan';

/** What the month left, from the handlers' own answers. */
export interface CoordinationMonthOutcome {
  month: string;
  meetingsHeld: number;
  pluriprofessional: number;
  casesReviewed: number;
  decisions: number;
  actionItems: number;
  notificationsDelivered: number;
}

/**
 * Plays the demo month of one structure (see `demo-month.plan.ts`) through coordination's handlers, every step inside
 * `Clock.at(instant)`: meetings scheduled weeks ahead, invitations answered, the agenda set from the eligible patients
 * the directory proposes, attendance recorded after the meeting (held; pluriprofessional or not by the structure's
 * rule), decisions and action items written, minutes closed the next day — and the notifications due by each step
 * delivered then, so inboxes show invitations and reminders at their time. Runs in the caller's transaction.
 */
@Injectable()
export class CoordinationMonthPlayer {
  constructor(
    private readonly team: TeamRepository,
    private readonly schedule: ScheduleMeetingHandler,
    private readonly answer: AnswerInvitationHandler,
    private readonly aci: AciConcertationQuery,
    private readonly cases: MeetingCasesHandler,
    private readonly attendance: RecordAttendanceHandler,
    private readonly minutes: MinutesHandler,
    private readonly close: CloseMinutesHandler,
    private readonly dispatcher: NotificationDispatcher,
    private readonly clock: Clock,
  ) {}

  /** Null when the structure has no patient to review (a CPTS): no concertation month to play. */
  async play(coordinator: TeamMember): Promise<CoordinationMonthOutcome | null> {
    const structureId = coordinator.structureId;
    const members = await this.team.structureMembers(structureId);
    const byId = new Map(members.map((m) => [m.memberId, m]));
    const userOf = (memberId: string): UserContext => {
      const member = byId.get(memberId);
      if (!member) throw new Error(`Demo month: member ${memberId} is not in the team copy`);
      return {
        memberId,
        memberships: [{ structureId, roles: member.roles.filter(isRole), siteIds: member.siteIds }],
      };
    };
    const zone = await this.team.structureTimeZone(structureId);
    const plan = planCoordinationMonth({
      seed: `${structureId}:coordination-demo-month`,
      now: this.clock.now(),
      zone,
      coordinatorId: coordinator.memberId,
      clinical: members.filter((m) => CLINICAL_PROFESSIONS.has(m.profession)),
    });
    const firstAgenda = plan.meetings[0]?.agendaAt;
    if (!firstAgenda) return null;
    const eligible = await this.clock.at(firstAgenda, () =>
      this.aci.toReview(userOf(coordinator.memberId), structureId, 1),
    );
    if (!eligible.length) return null;

    const outcome: CoordinationMonthOutcome = {
      month: plan.month,
      meetingsHeld: 0,
      pluriprofessional: 0,
      casesReviewed: 0,
      decisions: 0,
      actionItems: 0,
      notificationsDelivered: 0,
    };
    // Every meeting's steps on one timeline, with the reminders' delivery at their due time.
    const steps: Array<{ at: Date; run: () => Promise<void> }> = [];
    for (const planned of plan.meetings) {
      const state: { meeting?: Meeting; caseIds: string[] } = { caseIds: [] };
      const organizer = userOf(planned.organizerId);
      const id = () => (state.meeting as Meeting).id;
      steps.push({
        at: planned.scheduledAt,
        run: async () => {
          state.meeting = await this.schedule.execute(organizer, {
            structureId,
            kind: planned.kind,
            title: planned.title,
            ...(await this.venueOf(byId.get(planned.organizerId) as TeamMember)),
            startsAt: planned.startsAt.toISOString(),
            endsAt: planned.endsAt.toISOString(),
            inviteeIds: planned.inviteeIds,
            // A past month: scheduling's agendas of then are what they are; its refusal shows per invitee.
            placeOverBookedPatients: true,
          });
        },
      });
      for (const { memberId, answer, at } of planned.answers)
        if (memberId !== planned.organizerId)
          steps.push({
            at,
            run: async () => void (await this.answer.execute(userOf(memberId), { meetingId: id(), answer })),
          });
      for (const offset of REMINDER_OFFSETS_MS)
        steps.push({ at: new Date(planned.startsAt.getTime() - offset), run: async () => undefined });
      steps.push({
        at: planned.agendaAt,
        run: async () => {
          const proposals = await this.aci.toReview(organizer, structureId, MAX_PROPOSALS);
          for (const [index, patient] of pickCases(proposals, planned).entries()) {
            const { reason, theme } = planned.cases[index];
            const added = await this.cases.add(organizer, {
              meetingId: id(),
              patientId: patient.patientId,
              reason,
              theme,
              presenterId: patient.gpId,
            });
            state.caseIds.push(added.id);
          }
        },
      });
      steps.push({
        at: planned.recordedAt,
        run: async () => {
          const held = await this.attendance.execute(organizer, { meetingId: id(), entries: planned.attendance });
          outcome.meetingsHeld++;
          if (held.pluriprofessional) outcome.pluriprofessional++;
        },
      });
      steps.push({
        at: planned.minutesAt,
        run: async () => {
          for (const [index, caseId] of state.caseIds.entries()) {
            await this.minutes.recordDecision(organizer, {
              meetingId: id(),
              caseId,
              text: planned.cases[index].decision,
            });
            outcome.decisions++;
          }
          for (const item of planned.actionItems) {
            await this.minutes.addActionItem(organizer, {
              meetingId: id(),
              caseId: state.caseIds[item.caseIndex] ?? null,
              description: item.description,
              assigneeId: item.to === 'coordinator' ? coordinator.memberId : null,
              taskType: item.taskType,
            });
            outcome.actionItems++;
          }
        },
      });
      steps.push({
        at: planned.closedAt,
        run: async () => {
          await this.close.execute(organizer, id());
          outcome.casesReviewed += state.caseIds.length;
        },
      });
    }
    steps.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const step of steps)
      await this.clock.at(step.at, async () => {
        await step.run();
        outcome.notificationsDelivered += await this.dispatcher.deliverDue(step.at);
      });
    return outcome;
  }

  /** Where the organiser meets: their first site of the structure, else by video. */
  private async venueOf(organizer: TeamMember): Promise<{ siteId: string | null; videoLink: string | null }> {
    for (const siteId of organizer.siteIds)
      if ((await this.team.site(siteId))?.structureId === organizer.structureId) return { siteId, videoLink: null };
    return { siteId: null, videoLink: 'https://visio.example.org/rcp' };
  }
}

/**
 * The patients on a meeting's agenda: the proposals in their order (the GPs furthest from their 5 % first), those of
 * the GPs who said they would come first, as many as the plan has cases.
 */
export function pickCases(proposals: readonly ProposedPatient[], planned: PlannedMeeting): ProposedPatient[] {
  const presenting = new Set(planned.presentingGpIds);
  const ordered = [
    ...proposals.filter((p) => presenting.has(p.gpId)),
    ...proposals.filter((p) => !presenting.has(p.gpId)),
  ];
  return ordered.slice(0, planned.cases.length);
}
