import type { BookingChannel } from '../domain/booking-channel';
import type { ConsultationChannel } from '../domain/motif';

/** A standard consultation type of the demo, and the professions whose ranges offer it. */
export interface DemoMotif {
  key: string;
  label: string;
  durationMinutes: number;
  channel: ConsultationChannel;
  bookableBy: BookingChannel[];
  newPatientsAllowed: boolean;
  bufferAfterMinutes?: number;
  minNoticeMinutes?: number;
  professions: readonly string[];
}

const EVERYONE: BookingChannel[] = ['staff', 'online', 'virtual_secretary'];
const PHYSICIANS = ['general_practitioner', 'specialist_physician'];
const NURSES = ['nurse', 'advanced_practice_nurse'];

/** Labels in French, as the practices and their patients read them. */
export const DEMO_MOTIFS: readonly DemoMotif[] = [
  {
    key: 'consultation',
    label: 'Consultation',
    durationMinutes: 20,
    channel: 'cabinet',
    bookableBy: EVERYONE,
    newPatientsAllowed: true,
    minNoticeMinutes: 60,
    professions: PHYSICIANS,
  },
  {
    key: 'long',
    label: 'Consultation longue',
    durationMinutes: 40,
    channel: 'cabinet',
    bookableBy: ['staff', 'virtual_secretary'],
    newPatientsAllowed: false,
    professions: PHYSICIANS,
  },
  {
    key: 'home-visit',
    label: 'Visite à domicile',
    durationMinutes: 30,
    channel: 'home_visit',
    bookableBy: ['staff'],
    newPatientsAllowed: false,
    bufferAfterMinutes: 15,
    professions: [...PHYSICIANS, ...NURSES],
  },
  {
    key: 'teleconsultation',
    label: 'Téléconsultation',
    durationMinutes: 15,
    channel: 'teleconsultation',
    bookableBy: ['staff', 'online'],
    newPatientsAllowed: false,
    minNoticeMinutes: 30,
    professions: [...PHYSICIANS, 'midwife', 'psychologist', 'dietitian'],
  },
  {
    key: 'nurse-care',
    label: 'Soins infirmiers',
    durationMinutes: 15,
    channel: 'cabinet',
    bookableBy: EVERYONE,
    newPatientsAllowed: true,
    professions: NURSES,
  },
  {
    key: 'advanced-practice',
    label: 'Suivi en pratique avancée',
    durationMinutes: 30,
    channel: 'cabinet',
    bookableBy: ['staff'],
    newPatientsAllowed: false,
    professions: ['advanced_practice_nurse'],
  },
  {
    key: 'vaccination',
    label: 'Vaccination',
    durationMinutes: 10,
    channel: 'cabinet',
    bookableBy: EVERYONE,
    newPatientsAllowed: true,
    professions: [...NURSES, 'pharmacist', 'midwife'],
  },
  {
    key: 'physiotherapy',
    label: 'Séance de kinésithérapie',
    durationMinutes: 30,
    channel: 'cabinet',
    bookableBy: EVERYONE,
    newPatientsAllowed: true,
    professions: ['physiotherapist'],
  },
  {
    key: 'midwife',
    label: 'Consultation sage-femme',
    durationMinutes: 30,
    channel: 'cabinet',
    bookableBy: EVERYONE,
    newPatientsAllowed: true,
    professions: ['midwife'],
  },
  {
    key: 'psychology',
    label: 'Entretien psychologique',
    durationMinutes: 45,
    channel: 'cabinet',
    bookableBy: ['staff', 'online'],
    newPatientsAllowed: true,
    professions: ['psychologist'],
  },
  {
    key: 'dietetics',
    label: 'Consultation diététique',
    durationMinutes: 45,
    channel: 'cabinet',
    bookableBy: ['staff', 'online'],
    newPatientsAllowed: true,
    professions: ['dietitian'],
  },
  {
    key: 'podiatry',
    label: 'Soins de pédicurie-podologie',
    durationMinutes: 30,
    channel: 'cabinet',
    bookableBy: EVERYONE,
    newPatientsAllowed: true,
    professions: ['podiatrist'],
  },
  {
    key: 'speech-therapy',
    label: 'Séance d’orthophonie',
    durationMinutes: 30,
    channel: 'cabinet',
    bookableBy: ['staff'],
    newPatientsAllowed: false,
    professions: ['speech_therapist'],
  },
  {
    key: 'dental',
    label: 'Consultation dentaire',
    durationMinutes: 30,
    channel: 'cabinet',
    bookableBy: EVERYONE,
    newPatientsAllowed: true,
    professions: ['dentist'],
  },
];

/** The motifs whose professions include `profession`. */
export function motifsFor(profession: string): DemoMotif[] {
  return DEMO_MOTIFS.filter((m) => m.professions.includes(profession));
}
