import type { AttendanceStatus, CaseTheme, MeetingKind } from '../../domain/meeting';
import type { ProtocolRelation } from '../../application/ports/minutes.repository';

/** How the printed minutes name the codes, in French. */
export const KIND_LABELS: Record<MeetingKind, string> = {
  rcp: 'Réunion de concertation pluriprofessionnelle (RCP)',
  synthesis: 'Réunion de synthèse',
  staff: 'Staff',
  cpts_working_group: 'Groupe de travail CPTS',
  training: 'Formation',
};

export const THEME_LABELS: Record<CaseTheme, string> = {
  complex_patient: 'Patient complexe',
  polypathology: 'Polypathologie',
  polymedication: 'Polymédication',
  palliative_care: 'Soins palliatifs',
  elderly_at_home: 'Personne âgée à domicile',
  loss_of_autonomy: 'Perte d’autonomie',
  mental_health: 'Santé mentale',
  chronic_disease_decompensation: 'Décompensation d’une maladie chronique',
  social_situation: 'Situation sociale',
  other: 'Autre',
};

const PROFESSION_LABELS: Record<string, string> = {
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

/** A profession the directory added since this build reads as its code rather than not at all. */
export const professionLabel = (code: string): string => PROFESSION_LABELS[code] ?? code;

export const ATTENDANCE_LABELS: Record<AttendanceStatus | 'unrecorded', string> = {
  present: 'Présents',
  excused: 'Excusés',
  absent: 'Absents',
  unrecorded: 'Présence non renseignée',
};

export const RELATION_LABELS: Record<ProtocolRelation, string> = {
  elaborated: 'élaboré',
  adopted: 'adopté',
};
