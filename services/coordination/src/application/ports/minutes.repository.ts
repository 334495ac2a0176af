import type { AttendanceStatus, CaseTheme } from '../../domain/meeting';

export interface MeetingCase {
  id: string;
  meetingId: string;
  structureId: string;
  /** Opaque: the patient's identity stays in the directory. */
  patientId: string;
  reason: string;
  theme: CaseTheme;
  presenterId: string | null;
  position: number;
  createdAt: Date;
}

export interface Decision {
  id: string;
  meetingId: string;
  /** Null: a decision of the meeting as a whole. */
  caseId: string | null;
  text: string;
  protocolId: string | null;
  position: number;
  createdAt: Date;
}

export interface ActionItem {
  id: string;
  meetingId: string;
  caseId: string | null;
  description: string;
  /** Null: the structure's coordinators take it from delegation's pool. */
  assigneeId: string | null;
  dueAt: Date | null;
  taskType: string | null;
  protocolId: string | null;
  position: number;
  createdAt: Date;
}

export type ProtocolRelation = 'elaborated' | 'adopted';

export interface MeetingProtocol {
  protocolId: string;
  relation: ProtocolRelation;
}

/** A meeting's agenda and minutes, in the order they were written. */
export interface Minutes {
  meetingId: string;
  cases: MeetingCase[];
  decisions: Decision[];
  actionItems: ActionItem[];
  protocols: MeetingProtocol[];
}

export interface AttendanceEntry {
  memberId: string;
  status: AttendanceStatus;
}

export type MinutesEntryKind = 'case' | 'decision' | 'action_item';

/** Cases, attendance and minutes of meetings (COO-3, COO-4, COO-5); writes join the caller's transaction. */
export abstract class MinutesRepository {
  /** False when the patient is already on the meeting's agenda. */
  abstract addCase(meetingCase: Omit<MeetingCase, 'position'>): Promise<boolean>;
  abstract updateCase(caseId: string, fields: Pick<MeetingCase, 'reason' | 'theme' | 'presenterId'>): Promise<void>;
  abstract caseById(caseId: string): Promise<MeetingCase | null>;
  abstract addDecision(decision: Omit<Decision, 'position'>): Promise<void>;
  abstract addActionItem(item: Omit<ActionItem, 'position'>): Promise<void>;
  abstract referenceProtocol(meetingId: string, protocol: MeetingProtocol): Promise<void>;
  abstract unreferenceProtocol(meetingId: string, protocolId: string): Promise<boolean>;
  /** The meeting an entry belongs to, null when there is no such entry. */
  abstract meetingOf(kind: MinutesEntryKind, id: string): Promise<string | null>;
  /** Removes the entry; a case goes with its decisions and action items. */
  abstract remove(kind: MinutesEntryKind, id: string): Promise<void>;
  abstract minutes(meetingId: string): Promise<Minutes>;
  abstract counts(meetingId: string): Promise<{ cases: number; decisions: number; actionItems: number }>;
  /**
   * Replaces the meeting's attendance with `entries`; a structure member who came without an invitation is added to
   * the invitations with their attendance.
   */
  abstract recordAttendance(meetingId: string, entries: readonly AttendanceEntry[]): Promise<void>;
  /** Held from the first recording on (its instant kept); the professions and the verdict of the latest one. */
  abstract markHeld(
    meetingId: string,
    professionsPresent: string[],
    pluriprofessional: boolean,
    at: Date,
  ): Promise<void>;
  abstract closeMinutes(meetingId: string, closedBy: string, at: Date): Promise<void>;
  /** Professions of the structure's members among `memberIds`, those who left since included (what they were). */
  abstract professions(structureId: string, memberIds: readonly string[]): Promise<Map<string, string>>;
}
