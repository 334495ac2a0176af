/** The clinical professions a demo concertation meeting invites (the directory's codes). */
export const CLINICAL_PROFESSIONS: ReadonlySet<string> = new Set([
  'general_practitioner',
  'specialist_physician',
  'nurse',
  'advanced_practice_nurse',
  'physiotherapist',
  'midwife',
  'pharmacist',
  'psychologist',
  'dietitian',
  'podiatrist',
  'speech_therapist',
  'occupational_therapist',
]);

/** The monthly RCP most MSPs hold over lunch (the seeds: first Tuesday, 12:30–14:00). */
export const DEMO_RCP_SERIES = {
  kind: 'rcp',
  title: 'RCP mensuelle — patients complexes',
  rrule: 'FREQ=MONTHLY;BYDAY=1TU',
  localStartTime: '12:30',
  durationMinutes: 90,
} as const;

/** A synthesis meeting on elderly patients at home, next week at lunchtime. */
export const DEMO_SYNTHESIS = {
  kind: 'synthesis',
  title: 'Synthèse — maintien à domicile des patients âgés',
  weekday: 4, // Thursday (ISO)
  localStartTime: '12:30',
  durationMinutes: 60,
} as const;
