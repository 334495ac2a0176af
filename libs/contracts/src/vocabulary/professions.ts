/**
 * The professions a directory member can hold: the codes member events carry (`profession`), their French names and
 * the groups other services' rules name. Pure data with no imports, so domain code and the browser console can take it
 * (`@msp/contracts/professions`). Clinical professions see patients; the others support them.
 */
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

export type ProfessionV1 = (typeof PROFESSIONS)[number];

export function isProfession(value: string): value is ProfessionV1 {
  return (PROFESSIONS as readonly string[]).includes(value);
}

/** How patients, members and the printed minutes read each profession, in French (inclusive forms). */
export const PROFESSION_LABELS_FR: Readonly<Record<ProfessionV1, string>> = {
  general_practitioner: 'Médecin généraliste',
  specialist_physician: 'Médecin spécialiste',
  nurse: 'Infirmier·e',
  advanced_practice_nurse: 'Infirmier·e en pratique avancée',
  physiotherapist: 'Masseur-kinésithérapeute',
  midwife: 'Sage-femme',
  pharmacist: 'Pharmacien·ne',
  psychologist: 'Psychologue',
  dietitian: 'Diététicien·ne',
  podiatrist: 'Pédicure-podologue',
  speech_therapist: 'Orthophoniste',
  occupational_therapist: 'Ergothérapeute',
  dentist: 'Chirurgien·ne-dentiste',
  medical_secretary: 'Secrétaire médical·e',
  medical_assistant: 'Assistant·e médical·e',
  care_coordinator: 'Coordinateur·rice',
  practice_manager: 'Responsable de structure',
};

/**
 * The physicians: what the ACI requires among the professions of a pluriprofessional meeting or protocol, and the
 * profession delegated work comes from.
 */
export const PHYSICIAN_PROFESSIONS = [
  'general_practitioner',
  'specialist_physician',
] as const satisfies readonly ProfessionV1[];

/**
 * The professions whose state diploma is a doctorate (medicine, dental surgery, pharmacy): the Annuaire santé gives
 * them the civilité d'exercice « Docteur », and patients look for "Dr Le Gall".
 */
export const DOCTOR_TITLED_PROFESSIONS = [
  'general_practitioner',
  'specialist_physician',
  'dentist',
  'pharmacist',
] as const satisfies readonly ProfessionV1[];

/** Takes any string, since events may carry a profession the directory added after this build. */
export function isPhysicianProfession(profession: string): boolean {
  return (PHYSICIAN_PROFESSIONS as readonly string[]).includes(profession);
}

export function isDoctorTitled(profession: string): boolean {
  return (DOCTOR_TITLED_PROFESSIONS as readonly string[]).includes(profession);
}

/** A profession the directory added since this build reads as its code rather than not at all. */
export function professionLabelFr(code: string): string {
  return isProfession(code) ? PROFESSION_LABELS_FR[code] : code;
}
