import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { DateTime } from 'luxon';
import { patientReference } from '../../domain/meeting-case';
import { Clock } from '@msp/service-kit';
import type { ActionItem } from '../ports/minutes.repository';
import { MinutesRepository } from '../ports/minutes.repository';
import { MinutesRenderer, type MinutesDocument, type PrintedActionItem } from '../ports/minutes-renderer.port';
import { PatientIdentities, type PatientIdentity } from '../ports/patient-identities.port';
import { PluriprofessionalRules } from '../ports/pluriprofessional-rules.repository';
import { TeamRepository } from '../ports/team.repository';
import { MinutesQuery } from './minutes.query';

export interface MinutesFile {
  fileName: string;
  contentType: string;
  /** The file itself, base64: GraphQL carries it through the gateway like any answer. */
  base64: string;
}

/**
 * COO-6: the minutes as a PDF, for any member of the meeting's structure. Patients appear by an opaque short
 * reference; their identity only when the reader asks for it and the directory finds them entitled (it logs the read).
 */
@Injectable()
export class MinutesExportQuery {
  constructor(
    private readonly query: MinutesQuery,
    private readonly minutes: MinutesRepository,
    private readonly team: TeamRepository,
    private readonly rules: PluriprofessionalRules,
    private readonly identities: PatientIdentities,
    private readonly renderer: MinutesRenderer,
    private readonly clock: Clock,
  ) {}

  async pdf(user: UserContext, meetingId: string, withPatientIdentity: boolean): Promise<MinutesFile> {
    const { meeting, minutes } = await this.query.of(user, meetingId);
    const patientIds = [...new Set(minutes.cases.map((c) => c.patientId))];
    const identities: PatientIdentity[] =
      withPatientIdentity && patientIds.length
        ? await this.identities.read(user.memberId, meeting.structureId, patientIds)
        : [];
    const identityOf = new Map(identities.map((p) => [p.patientId, p]));
    const memberIds = [
      ...meeting.invitations.map((i) => i.memberId),
      ...minutes.cases.flatMap((c) => (c.presenterId ? [c.presenterId] : [])),
      ...minutes.actionItems.flatMap((a) => (a.assigneeId ? [a.assigneeId] : [])),
    ];
    const professionOf = await this.minutes.professions(meeting.structureId, [...new Set(memberIds)]);
    const timeZone =
      (meeting.siteId ? (await this.team.site(meeting.siteId))?.timeZone : undefined) ??
      (await this.team.structureTimeZone(meeting.structureId));
    const printed = (a: ActionItem): PrintedActionItem => ({
      description: a.description,
      assigneeId: a.assigneeId,
      assigneeProfession: a.assigneeId ? (professionOf.get(a.assigneeId) ?? null) : null,
      dueAt: a.dueAt,
    });
    const document: MinutesDocument = {
      title: meeting.title,
      kind: meeting.kind,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      timeZone,
      siteId: meeting.siteId,
      videoLink: meeting.videoLink,
      attendance: meeting.invitations.map((i) => ({
        memberId: i.memberId,
        profession: professionOf.get(i.memberId) ?? 'unknown',
        status: i.attendance,
      })),
      professionsPresent: meeting.professionsPresent,
      pluriprofessional: meeting.pluriprofessional,
      rule: await this.rules.of(meeting.structureId),
      cases: minutes.cases.map((c) => ({
        reference: patientReference(c.patientId),
        patient: identityOf.get(c.patientId) ?? null,
        theme: c.theme,
        reason: c.reason,
        presenterId: c.presenterId,
        presenterProfession: c.presenterId ? (professionOf.get(c.presenterId) ?? null) : null,
        decisions: minutes.decisions.filter((d) => d.caseId === c.id).map((d) => d.text),
        actionItems: minutes.actionItems.filter((a) => a.caseId === c.id).map(printed),
      })),
      decisions: minutes.decisions.filter((d) => d.caseId === null).map((d) => d.text),
      actionItems: minutes.actionItems.filter((a) => a.caseId === null).map(printed),
      protocols: minutes.protocols,
      minutesClosedAt: meeting.minutesClosedAt,
      generatedAt: this.clock.now(),
    };
    const day = DateTime.fromJSDate(meeting.startsAt, { zone: timeZone }).toISODate();
    return {
      fileName: `compte-rendu-${meeting.kind}-${day}.pdf`,
      contentType: 'application/pdf',
      base64: (await this.renderer.render(document)).toString('base64'),
    };
  }
}
