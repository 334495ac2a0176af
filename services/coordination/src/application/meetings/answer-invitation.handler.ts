import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { CoordinationError } from '../../domain/coordination-error';
import type { InvitationAnswer } from '../../domain/meeting';
import { assertUuid } from '../input-checks';
import { MeetingNotifications } from '../notifications/meeting-notifications';
import { MeetingRepository, type Meeting } from '../ports/meeting.repository';

export interface AnswerInvitationInput {
  meetingId: string;
  answer: string;
}

const ANSWERS: readonly InvitationAnswer[] = ['yes', 'no', 'maybe'];

/** An invitee answers for themself (COO-2): `no` frees their agenda, `yes` and `maybe` keep it held. */
@Injectable()
export class AnswerInvitationHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly meetings: MeetingRepository,
    private readonly notifications: MeetingNotifications,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: AnswerInvitationInput): Promise<Meeting> {
    const meetingId = assertUuid(input.meetingId, 'input.meetingId');
    if (!ANSWERS.includes(input.answer as InvitationAnswer))
      throw CoordinationError.invalid('input.answer', `must be one of ${ANSWERS.join(', ')}`);
    const answer = input.answer as InvitationAnswer;
    return this.transactions.run(async () => {
      const meeting = await this.meetings.lock(meetingId);
      // Not invited reads exactly like not there: an invitation is the invitee's to see.
      const invitation = meeting?.invitations.find((i) => i.memberId === user.memberId);
      if (!meeting || !invitation) throw CoordinationError.notFound('Invitation', 'input.meetingId');
      if (meeting.status !== 'scheduled' || meeting.startsAt.getTime() <= this.clock.now().getTime())
        throw CoordinationError.meetingState(
          `the meeting is ${meeting.status === 'scheduled' ? 'under way or over' : meeting.status}: answers are closed`,
        );
      if (invitation.answer === answer) return meeting;
      const now = this.clock.now();
      await this.meetings.answer(meetingId, user.memberId, answer, now);
      const answered = await this.meetings.reread(meetingId);
      await this.notifications.answered(answered, user.memberId, now);
      await this.outbox.record('coordination.invitation.answered.v1', {
        meetingId,
        structureId: meeting.structureId,
        memberId: user.memberId,
        answer,
        answeredAt: now.toISOString(),
      });
      return answered;
    });
  }
}
