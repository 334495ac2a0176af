import type { AttendanceStatus, CaseTheme, MeetingKind } from '../../domain/meeting';
import type { ProtocolRelation } from '../../application/ports/minutes.repository';

/** How the printed minutes name the codes, in French (professions: `professionLabelFr` of @msp/contracts). */
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
