import { Module } from '@nestjs/common';
import { AgendaRefusals } from '../application/meetings/agenda-refusals';
import { AnswerInvitationHandler } from '../application/meetings/answer-invitation.handler';
import { ChangeMeetingHandler } from '../application/meetings/change-meeting.handler';
import { Invitees } from '../application/meetings/invitees';
import { MeetingsQuery } from '../application/meetings/meetings.query';
import { PatientBookings } from '../application/meetings/patient-bookings';
import { ScheduleMeetingHandler } from '../application/meetings/schedule-meeting.handler';
import { MeetingNotifications } from '../application/notifications/meeting-notifications';
import { SchedulingEventsHandler } from '../interface/events/scheduling-events.handler';
import { MeetingResolver } from '../interface/graphql/resolvers/meeting.resolver';
import { CoordinationPersistenceModule } from './coordination-persistence.module';
import { MemberAgendasModule } from './member-agendas.module';

/** COO-1, COO-2: meetings placed, moved and cancelled, invitations answered, scheduling's refusals shown. */
@Module({
  imports: [CoordinationPersistenceModule, MemberAgendasModule],
  providers: [
    Invitees,
    PatientBookings,
    MeetingNotifications,
    ScheduleMeetingHandler,
    ChangeMeetingHandler,
    AnswerInvitationHandler,
    MeetingsQuery,
    AgendaRefusals,
    SchedulingEventsHandler,
    MeetingResolver,
  ],
  exports: [ScheduleMeetingHandler, ChangeMeetingHandler, AnswerInvitationHandler, MeetingsQuery, MeetingNotifications],
})
export class MeetingsModule {}
