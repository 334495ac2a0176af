import type { TaskType } from './task-type';

/**
 * The catalogue every structure starts from (DEL-1), from the seeds' map of delegable work: general administration
 * (appointments, billing and tiers payant, records, phone, correspondence) and the medico-administrative work a medical
 * assistant takes over (consultation preparation, exam follow-up, renewals, coordination, insurance files).
 *
 * Standard minutes are the physician's time one occurrence costs when they do it themselves. They are starting values,
 * stated here so they can be argued with, and each structure edits them: short desk actions 3–5 min, a letter or a form
 * 8–15 min. The seeds give the weekly total they should add up to for a GP with an assistant (4–6 h), not per-task
 * figures; nothing here is tuned to reach it.
 */
export const DEFAULT_TASK_TYPES: readonly TaskType[] = [
  // Administrative
  type('appointment_management', 'Gestion des rendez-vous', 'administrative', 3, ['secretary', 'medical_assistant']),
  type('billing', 'Facturation et tiers payant', 'administrative', 5, ['secretary', 'medical_assistant']),
  type('patient_records', 'Dossier patient : numérisation, classement, DMP', 'administrative', 4, [
    'secretary',
    'medical_assistant',
  ]),
  type('phone_callback', 'Rappel téléphonique d’un patient', 'administrative', 4, ['secretary', 'medical_assistant']),
  type('patient_correspondence', 'Courrier aux patients', 'administrative', 8, ['secretary', 'medical_assistant']),
  type('insurer_correspondence', 'Courrier à l’Assurance Maladie et aux complémentaires', 'administrative', 10, [
    'secretary',
    'medical_assistant',
  ]),
  // Medico-administrative: under a protocol and a medical referent
  type('consultation_preparation', 'Préparation de consultation (antécédents, mesures)', 'medico_administrative', 5, [
    'medical_assistant',
  ]),
  type('exam_follow_up', 'Suivi des examens complémentaires', 'medico_administrative', 6, ['medical_assistant']),
  type('prescription_renewal', 'Préparation d’un renouvellement d’ordonnance', 'medico_administrative', 4, [
    'medical_assistant',
  ]),
  type('professional_coordination', 'Coordination avec les autres professionnels', 'medico_administrative', 10, [
    'medical_assistant',
    'coordinator',
  ]),
  type('insurance_files', 'Dossiers assurantiels (ALD, MDPH, certificats)', 'medico_administrative', 15, [
    'medical_assistant',
  ]),
];

function type(
  code: string,
  label: string,
  category: TaskType['category'],
  standardMinutes: number,
  defaultRoles: TaskType['defaultRoles'],
): TaskType {
  return { code, label, category, standardMinutes, defaultRoles, active: true };
}

/** What each task source makes by default (a meeting's action item may name another type). */
export const SOURCE_TASK_TYPES = {
  call_message: 'phone_callback',
  meeting_action_item: 'professional_coordination',
  appointment_follow_up: 'exam_follow_up',
} as const;
