import { Injectable } from '@nestjs/common';
import type { EventPayloads } from '@msp/contracts';
import { ActivityFactsRepository } from '../ports/activity-facts.repository';
import { IndicatorValueTracker } from './indicator-value-tracker';

type P<K extends keyof EventPayloads> = EventPayloads[K];

/**
 * Turns the other services' events into facts keyed by their aggregate's id (appointment, call, task, meeting,
 * protocol, decision), then lets the tracker announce the values that moved. Every write is an order-safe upsert, so
 * re-reading a topic from its start (a new consumer group) rebuilds the same rows.
 */
@Injectable()
export class ActivityProjection {
  constructor(
    private readonly facts: ActivityFactsRepository,
    private readonly tracker: IndicatorValueTracker,
  ) {}

  siteChanged(data: P<'directory.site.opened.v1'> | P<'directory.site.hours-changed.v1'>, at: string): Promise<void> {
    return this.facts.upsertSite(data.siteId, data.structureId, data.timeZone, new Date(at));
  }

  memberChanged(data: P<'directory.member.joined.v1'> | P<'directory.member.updated.v1'>, at: string): Promise<void> {
    return this.facts.upsertMember(data, new Date(at));
  }

  memberLeft(data: P<'directory.member.left.v1'>): Promise<void> {
    return this.facts.markMemberLeft(data.memberId, data.structureId, new Date(data.leftAt));
  }

  async appointmentEnded(
    data: P<'scheduling.appointment.completed.v1'> | P<'scheduling.appointment.no-show.v1'>,
    outcome: 'completed' | 'no_show',
    at: string,
  ): Promise<void> {
    await this.facts.upsertAppointment({
      appointmentId: data.appointmentId,
      structureId: data.structureId,
      siteId: data.siteId,
      practitionerId: data.practitionerId,
      startsAt: new Date(data.startsAt),
      outcome,
      at: new Date(at),
    });
    await this.changed(data.structureId, data.siteId, data.startsAt);
  }

  async appointmentCancelled(data: P<'scheduling.appointment.cancelled.v1'>): Promise<void> {
    const at = new Date(data.cancelledAt);
    if (data.structureId && data.startsAt) {
      await this.facts.upsertAppointment({
        appointmentId: data.appointmentId,
        structureId: data.structureId,
        siteId: data.siteId ?? null,
        practitionerId: data.practitionerId,
        startsAt: new Date(data.startsAt),
        outcome: 'cancelled',
        at,
      });
      await this.changed(data.structureId, data.siteId ?? null, data.startsAt);
    } else {
      await this.facts.cancelKnownAppointment(data.appointmentId, at);
    }
  }

  async callReceived(data: P<'call-routing.call.received.v1'>): Promise<void> {
    await this.facts.upsertCall({ ...this.callKey(data), kind: 'received', at: new Date(data.receivedAt) });
    await this.changed(data.structureId, data.siteId, data.receivedAt);
  }

  async callRouted(data: P<'call-routing.call.routed.v1'>): Promise<void> {
    await this.facts.upsertCall({
      ...this.callKey(data),
      kind: 'routed',
      at: new Date(data.routedAt),
      practitionerStatus: data.practitionerStatus ?? null,
      interruptsConsultation: data.interruptsConsultation,
    });
    await this.changed(data.structureId, data.siteId, data.routedAt);
  }

  async messageTaken(data: P<'call-routing.message.taken.v1'>): Promise<void> {
    await this.facts.upsertCall({ ...this.callKey(data), kind: 'message_taken', at: new Date(data.takenAt) });
    await this.changed(data.structureId, data.siteId, data.takenAt);
  }

  async callEnded(data: P<'call-routing.call.ended.v1'>): Promise<void> {
    await this.facts.upsertCall({
      ...this.callKey(data),
      kind: 'ended',
      at: new Date(data.endedAt),
      outcome: data.outcome,
      handledWithoutHuman: data.handledWithoutHuman,
    });
    await this.changed(data.structureId, data.siteId, data.endedAt);
  }

  async taskCompleted(data: P<'delegation.task.completed.v1'>): Promise<void> {
    await this.facts.upsertTask({
      taskId: data.taskId,
      structureId: data.structureId,
      siteId: data.siteId ?? null,
      physicianId: data.physicianId ?? null,
      delegated: data.delegated,
      standardMinutes: data.standardMinutes,
      completedAt: new Date(data.completedAt),
    });
    await this.changed(data.structureId, data.siteId ?? null, data.completedAt);
  }

  async meetingHeld(data: P<'coordination.meeting.held.v1'>): Promise<void> {
    await this.facts.upsertMeeting({
      kind: 'held',
      meetingId: data.meetingId,
      structureId: data.structureId,
      siteId: data.siteId,
      startsAt: new Date(data.startsAt),
      at: new Date(data.heldAt),
    });
    await this.changed(data.structureId, data.siteId, data.startsAt);
  }

  async attendanceRecorded(data: P<'coordination.attendance.recorded.v1'>): Promise<void> {
    await this.facts.upsertMeeting({
      kind: 'attendance',
      meetingId: data.meetingId,
      structureId: data.structureId,
      startsAt: new Date(data.startsAt),
      pluriprofessional: data.pluriprofessional,
      at: new Date(data.recordedAt),
    });
    await this.changed(data.structureId, null, data.startsAt);
  }

  meetingCancelled(data: P<'coordination.meeting.cancelled.v1'>): Promise<void> {
    return this.facts.cancelKnownMeeting(data.meetingId, new Date(data.cancelledAt));
  }

  async protocolAdopted(
    data: P<'delegation.protocol.adopted.v1'> | P<'delegation.protocol.revised.v1'>,
    adopted: boolean,
    at: string,
  ): Promise<void> {
    await this.facts.upsertProtocol({ ...data, adopted }, new Date(at));
    await this.changed(data.structureId, null, at);
  }

  async decisionRecorded(data: P<'coordination.decision.recorded.v1'>): Promise<void> {
    if (!data.protocolId) return;
    await this.facts.upsertProtocolDecision(
      data.decisionId,
      data.structureId,
      data.protocolId,
      new Date(data.recordedAt),
    );
    await this.changed(data.structureId, null, data.recordedAt);
  }

  private callKey(data: { callId: string; structureId: string; siteId: string; practitionerId?: string | null }) {
    return {
      callId: data.callId,
      structureId: data.structureId,
      siteId: data.siteId,
      practitionerId: data.practitionerId ?? null,
    };
  }

  /** Marks the month of `at`, in the site's zone, to recompute. */
  private async changed(structureId: string, siteId: string | null, at: string): Promise<void> {
    const day = await this.facts.localDate(siteId, new Date(at));
    await this.tracker.changed(structureId, day);
  }
}
