import type { MeetingCase, Minutes } from '../../../application/ports/minutes.repository';
import type { CaseThemeEnum, ProtocolRelationEnum } from '../types/minutes-enums';
import type { MeetingCaseType, MeetingMinutesType } from '../types/minutes.types';

export const toCaseType = (c: MeetingCase): MeetingCaseType => ({ ...c, theme: c.theme as CaseThemeEnum });

export const toMinutesType = (m: Minutes, closedAt: Date | null): MeetingMinutesType => ({
  meetingId: m.meetingId,
  closedAt,
  cases: m.cases.map(toCaseType),
  decisions: m.decisions,
  actionItems: m.actionItems,
  protocols: m.protocols.map((p) => ({ ...p, relation: p.relation as ProtocolRelationEnum })),
});
