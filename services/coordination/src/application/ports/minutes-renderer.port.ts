import type { AttendanceStatus, CaseTheme, MeetingKind } from '../../domain/meeting';
import type { PluriprofessionalRule } from '../../domain/pluriprofessional-rule';
import type { PatientIdentity } from './patient-identities.port';
import type { ProtocolRelation } from './minutes.repository';

/** An action item as the minutes print it. */
export interface PrintedActionItem {
  description: string;
  assigneeId: string | null;
  assigneeProfession: string | null;
  dueAt: Date | null;
}

/** Everything the printed minutes say, resolved: the renderer formats, it does not look anything up. */
export interface MinutesDocument {
  title: string;
  kind: MeetingKind;
  startsAt: Date;
  endsAt: Date;
  /** The zone the meeting is told in: its site's, else its structure's. */
  timeZone: string;
  siteId: string | null;
  videoLink: string | null;
  attendance: Array<{ memberId: string; profession: string; status: AttendanceStatus | null }>;
  professionsPresent: string[];
  pluriprofessional: boolean | null;
  rule: PluriprofessionalRule;
  cases: Array<{
    /** The opaque short reference, always printed. */
    reference: string;
    /** Only when an entitled reader asked for it. */
    patient: PatientIdentity | null;
    theme: CaseTheme;
    reason: string;
    presenterId: string | null;
    presenterProfession: string | null;
    decisions: string[];
    actionItems: PrintedActionItem[];
  }>;
  decisions: string[];
  actionItems: PrintedActionItem[];
  protocols: Array<{ protocolId: string; relation: ProtocolRelation }>;
  minutesClosedAt: Date | null;
  generatedAt: Date;
}

/** Turns the minutes into a printable document (PDF). */
export abstract class MinutesRenderer {
  abstract render(document: MinutesDocument): Promise<Buffer>;
}
