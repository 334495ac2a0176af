/** Professions a member can hold; clinical ones see patients, the others support them. */
export const PROFESSIONS = [
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
  'dentist',
  'medical_secretary',
  'medical_assistant',
  'care_coordinator',
  'practice_manager',
] as const;

export type Profession = (typeof PROFESSIONS)[number];

export function isProfession(value: string): value is Profession {
  return (PROFESSIONS as readonly string[]).includes(value);
}
