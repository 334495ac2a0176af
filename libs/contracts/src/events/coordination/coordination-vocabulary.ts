/** What a meeting is for (COO-1); the ACI's concertation counts RCP and synthesis meetings whose rule is met. */
export const MEETING_KINDS = ['rcp', 'synthesis', 'staff', 'cpts_working_group', 'training'] as const;
export type MeetingKindV1 = (typeof MEETING_KINDS)[number];

/** Why a case is brought to a meeting (COO-3), after the ACI contract's target patients. */
export const CASE_THEMES = [
  'complex_patient',
  'polypathology',
  'polymedication',
  'palliative_care',
  'elderly_at_home',
  'loss_of_autonomy',
  'mental_health',
  'chronic_disease_decompensation',
  'social_situation',
  'other',
] as const;
export type CaseThemeV1 = (typeof CASE_THEMES)[number];

/** An invitee's answer (COO-2); `no` frees their agenda. */
export const INVITATION_ANSWERS = ['yes', 'no', 'maybe'] as const;
export type InvitationAnswerV1 = (typeof INVITATION_ANSWERS)[number];

/** Who was there (COO-4). */
export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatusV1 = (typeof ATTENDANCE_STATUSES)[number];

export const meetingKindSchema = { type: 'string', enum: [...MEETING_KINDS] } as const;
export const professionCodeSchema = { type: 'string', minLength: 1, maxLength: 64 } as const;
