import { callEndedV1, type CallEndedV1 } from './call-routing/call-ended.v1';
import { callReceivedV1, type CallReceivedV1 } from './call-routing/call-received.v1';
import { callRoutedV1, type CallRoutedV1 } from './call-routing/call-routed.v1';
import { emergencyRedirectedV1, type EmergencyRedirectedV1 } from './call-routing/emergency-redirected.v1';
import { messageTakenV1, type MessageTakenV1 } from './call-routing/message-taken.v1';
import { actionItemCreatedV1, type ActionItemCreatedV1 } from './coordination/action-item-created.v1';
import { meetingScheduledV1, type MeetingScheduledV1 } from './coordination/meeting-scheduled.v1';
import { meetingRescheduledV1, type MeetingRescheduledV1 } from './coordination/meeting-rescheduled.v1';
import { meetingCancelledV1, type MeetingCancelledV1 } from './coordination/meeting-cancelled.v1';
import { meetingHeldV1, type MeetingHeldV1 } from './coordination/meeting-held.v1';
import { invitationAnsweredV1, type InvitationAnsweredV1 } from './coordination/invitation-answered.v1';
import { attendanceRecordedV1, type AttendanceRecordedV1 } from './coordination/attendance-recorded.v1';
import { caseReviewedV1, type CaseReviewedV1 } from './coordination/case-reviewed.v1';
import { decisionRecordedV1, type DecisionRecordedV1 } from './coordination/decision-recorded.v1';
import { indicatorValueChangedV1, type IndicatorValueChangedV1 } from './indicators/indicator-value-changed.v1';
import { thresholdCrossedV1, type ThresholdCrossedV1 } from './indicators/threshold-crossed.v1';
import { meetingBlockRefusedV1, type MeetingBlockRefusedV1 } from './scheduling/meeting-block-refused.v1';
import { protocolAdoptedV1, type ProtocolAdoptedV1 } from './delegation/protocol-adopted.v1';
import { protocolRevisedV1, type ProtocolRevisedV1 } from './delegation/protocol-revised.v1';
import { protocolRetiredV1, type ProtocolRetiredV1 } from './delegation/protocol-retired.v1';
import { taskCreatedV1, type TaskCreatedV1 } from './delegation/task-created.v1';
import { taskAssignedV1, type TaskAssignedV1 } from './delegation/task-assigned.v1';
import { taskStartedV1, type TaskStartedV1 } from './delegation/task-started.v1';
import { taskSubmittedV1, type TaskSubmittedV1 } from './delegation/task-submitted.v1';
import { taskValidatedV1, type TaskValidatedV1 } from './delegation/task-validated.v1';
import { taskCompletedV1, type TaskCompletedV1 } from './delegation/task-completed.v1';
import { taskEscalatedV1, type TaskEscalatedV1 } from './delegation/task-escalated.v1';
import { taskCancelledV1, type TaskCancelledV1 } from './delegation/task-cancelled.v1';
import { TOPICS } from '../topics/topics';
import type { EventDefinition } from './event-definition';
import { memberJoinedV1, type MemberJoinedV1 } from './directory/member-joined.v1';
import { memberLeftV1, type MemberLeftV1 } from './directory/member-left.v1';
import { memberUpdatedV1, type MemberUpdatedV1 } from './directory/member-updated.v1';
import { patientRegisteredV1, type PatientRegisteredV1 } from './directory/patient-registered.v1';
import { patientUpdatedV1, type PatientUpdatedV1 } from './directory/patient-updated.v1';
import { siteHoursChangedV1, type SiteHoursChangedV1 } from './directory/site-hours-changed.v1';
import { siteOpenedV1, type SiteOpenedV1 } from './directory/site-opened.v1';
import { appointmentBookedV1, type AppointmentBookedV1 } from './scheduling/appointment-booked.v1';
import { appointmentCancelledV1, type AppointmentCancelledV1 } from './scheduling/appointment-cancelled.v1';
import { absenceDeclaredV1, type AbsenceDeclaredV1 } from './scheduling/absence-declared.v1';
import { absenceEndedV1, type AbsenceEndedV1 } from './scheduling/absence-ended.v1';
import { appointmentConfirmedV1, type AppointmentConfirmedV1 } from './scheduling/appointment-confirmed.v1';
import { appointmentHeldV1, type AppointmentHeldV1 } from './scheduling/appointment-held.v1';
import { appointmentHoldLapsedV1, type AppointmentHoldLapsedV1 } from './scheduling/appointment-hold-lapsed.v1';
import { openingRangesChangedV1, type OpeningRangesChangedV1 } from './scheduling/opening-ranges-changed.v1';
import { appointmentRescheduledV1, type AppointmentRescheduledV1 } from './scheduling/appointment-rescheduled.v1';
import { appointmentArrivedV1, type AppointmentArrivedV1 } from './scheduling/appointment-arrived.v1';
import {
  appointmentConsultationStartedV1,
  type AppointmentConsultationStartedV1,
} from './scheduling/appointment-consultation-started.v1';
import { appointmentCompletedV1, type AppointmentCompletedV1 } from './scheduling/appointment-completed.v1';
import { appointmentNoShowV1, type AppointmentNoShowV1 } from './scheduling/appointment-no-show.v1';
import { snpReleasedV1, type SnpReleasedV1 } from './scheduling/snp-released.v1';
import { waitlistOfferMadeV1, type WaitlistOfferMadeV1 } from './scheduling/waitlist-offer-made.v1';

/** Event type → payload type. Adding an event means one line here and one in EVENT_REGISTRY; the compiler checks both. */
export interface EventPayloads {
  'directory.member.joined.v1': MemberJoinedV1;
  'directory.member.updated.v1': MemberUpdatedV1;
  'directory.member.left.v1': MemberLeftV1;
  'directory.site.opened.v1': SiteOpenedV1;
  'directory.site.hours-changed.v1': SiteHoursChangedV1;
  'directory.patient.registered.v1': PatientRegisteredV1;
  'directory.patient.updated.v1': PatientUpdatedV1;
  'scheduling.appointment.booked.v1': AppointmentBookedV1;
  'scheduling.appointment.cancelled.v1': AppointmentCancelledV1;
  'scheduling.appointment.held.v1': AppointmentHeldV1;
  'scheduling.appointment.confirmed.v1': AppointmentConfirmedV1;
  'scheduling.appointment.hold-lapsed.v1': AppointmentHoldLapsedV1;
  'scheduling.opening-ranges.changed.v1': OpeningRangesChangedV1;
  'scheduling.appointment.rescheduled.v1': AppointmentRescheduledV1;
  'scheduling.appointment.arrived.v1': AppointmentArrivedV1;
  'scheduling.appointment.consultation-started.v1': AppointmentConsultationStartedV1;
  'scheduling.appointment.completed.v1': AppointmentCompletedV1;
  'scheduling.appointment.no-show.v1': AppointmentNoShowV1;
  'scheduling.absence.declared.v1': AbsenceDeclaredV1;
  'scheduling.absence.ended.v1': AbsenceEndedV1;
  'scheduling.snp.released.v1': SnpReleasedV1;
  'scheduling.waitlist.offer-made.v1': WaitlistOfferMadeV1;
  'call-routing.call.received.v1': CallReceivedV1;
  'call-routing.call.routed.v1': CallRoutedV1;
  'call-routing.message.taken.v1': MessageTakenV1;
  'call-routing.emergency.redirected.v1': EmergencyRedirectedV1;
  'call-routing.call.ended.v1': CallEndedV1;
  'scheduling.meeting-block.refused.v1': MeetingBlockRefusedV1;
  'coordination.meeting.scheduled.v1': MeetingScheduledV1;
  'coordination.meeting.rescheduled.v1': MeetingRescheduledV1;
  'coordination.meeting.cancelled.v1': MeetingCancelledV1;
  'coordination.invitation.answered.v1': InvitationAnsweredV1;
  'coordination.meeting.held.v1': MeetingHeldV1;
  'coordination.attendance.recorded.v1': AttendanceRecordedV1;
  'coordination.case.reviewed.v1': CaseReviewedV1;
  'coordination.decision.recorded.v1': DecisionRecordedV1;
  'coordination.action-item.created.v1': ActionItemCreatedV1;
  'delegation.protocol.adopted.v1': ProtocolAdoptedV1;
  'delegation.protocol.revised.v1': ProtocolRevisedV1;
  'delegation.protocol.retired.v1': ProtocolRetiredV1;
  'delegation.task.created.v1': TaskCreatedV1;
  'delegation.task.assigned.v1': TaskAssignedV1;
  'delegation.task.started.v1': TaskStartedV1;
  'delegation.task.submitted.v1': TaskSubmittedV1;
  'delegation.task.validated.v1': TaskValidatedV1;
  'delegation.task.completed.v1': TaskCompletedV1;
  'delegation.task.escalated.v1': TaskEscalatedV1;
  'delegation.task.cancelled.v1': TaskCancelledV1;
  'indicators.indicator-value.changed.v1': IndicatorValueChangedV1;
  'indicators.threshold.crossed.v1': ThresholdCrossedV1;
}

export type EventType = keyof EventPayloads;

export const EVENT_REGISTRY: { readonly [K in EventType]: EventDefinition<EventPayloads[K]> } = {
  'directory.member.joined.v1': memberJoinedV1,
  'directory.member.updated.v1': memberUpdatedV1,
  'directory.member.left.v1': memberLeftV1,
  'directory.site.opened.v1': siteOpenedV1,
  'directory.site.hours-changed.v1': siteHoursChangedV1,
  'directory.patient.registered.v1': patientRegisteredV1,
  'directory.patient.updated.v1': patientUpdatedV1,
  'scheduling.appointment.booked.v1': appointmentBookedV1,
  'scheduling.appointment.cancelled.v1': appointmentCancelledV1,
  'scheduling.appointment.held.v1': appointmentHeldV1,
  'scheduling.appointment.confirmed.v1': appointmentConfirmedV1,
  'scheduling.appointment.hold-lapsed.v1': appointmentHoldLapsedV1,
  'scheduling.opening-ranges.changed.v1': openingRangesChangedV1,
  'scheduling.appointment.rescheduled.v1': appointmentRescheduledV1,
  'scheduling.appointment.arrived.v1': appointmentArrivedV1,
  'scheduling.appointment.consultation-started.v1': appointmentConsultationStartedV1,
  'scheduling.appointment.completed.v1': appointmentCompletedV1,
  'scheduling.appointment.no-show.v1': appointmentNoShowV1,
  'scheduling.absence.declared.v1': absenceDeclaredV1,
  'scheduling.absence.ended.v1': absenceEndedV1,
  'scheduling.snp.released.v1': snpReleasedV1,
  'scheduling.waitlist.offer-made.v1': waitlistOfferMadeV1,
  'call-routing.call.received.v1': callReceivedV1,
  'call-routing.call.routed.v1': callRoutedV1,
  'call-routing.message.taken.v1': messageTakenV1,
  'call-routing.emergency.redirected.v1': emergencyRedirectedV1,
  'call-routing.call.ended.v1': callEndedV1,
  'scheduling.meeting-block.refused.v1': meetingBlockRefusedV1,
  'coordination.meeting.scheduled.v1': meetingScheduledV1,
  'coordination.meeting.rescheduled.v1': meetingRescheduledV1,
  'coordination.meeting.cancelled.v1': meetingCancelledV1,
  'coordination.invitation.answered.v1': invitationAnsweredV1,
  'coordination.meeting.held.v1': meetingHeldV1,
  'coordination.attendance.recorded.v1': attendanceRecordedV1,
  'coordination.case.reviewed.v1': caseReviewedV1,
  'coordination.decision.recorded.v1': decisionRecordedV1,
  'coordination.action-item.created.v1': actionItemCreatedV1,
  'delegation.protocol.adopted.v1': protocolAdoptedV1,
  'delegation.protocol.revised.v1': protocolRevisedV1,
  'delegation.protocol.retired.v1': protocolRetiredV1,
  'delegation.task.created.v1': taskCreatedV1,
  'delegation.task.assigned.v1': taskAssignedV1,
  'delegation.task.started.v1': taskStartedV1,
  'delegation.task.submitted.v1': taskSubmittedV1,
  'delegation.task.validated.v1': taskValidatedV1,
  'delegation.task.completed.v1': taskCompletedV1,
  'delegation.task.escalated.v1': taskEscalatedV1,
  'delegation.task.cancelled.v1': taskCancelledV1,
  'indicators.indicator-value.changed.v1': indicatorValueChangedV1,
  'indicators.threshold.crossed.v1': thresholdCrossedV1,
};

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_REGISTRY, type);
}

/** `<service>.<…>.v<major>`: the shape of a platform event type name (`<service>.<aggregate>.<fact>.v<major>` today). */
const EVENT_TYPE_NAME = /^([a-z-]+)(?:\.[a-z-]+)+\.v\d+$/;

/**
 * True for a well-formed type name of a known producer (its first segment names a platform topic's service) that this
 * build does not know: a type added, or a new major published in parallel, by a newer producer (ADR 0010). Consumers
 * skip such an event instead of dead-lettering it; a name of no known producer is not a platform event at all.
 */
export function isUnknownTypeOfKnownSource(type: string): boolean {
  const service = EVENT_TYPE_NAME.exec(type)?.[1];
  return (
    !isEventType(type) && service !== undefined && Object.values(TOPICS).some((topic) => topic === `${service}.events`)
  );
}

export function eventDefinition<K extends EventType>(type: K): EventDefinition<EventPayloads[K]> {
  return EVENT_REGISTRY[type];
}
