import { ROLES, type Role } from '@msp/auth';

/**
 * Who may do what inside their own structure; nobody may do anything in a structure they do not belong to.
 * Patient identity is read only by people who care for or receive patients (least privilege): administrators manage
 * the structure and audit accesses, they do not browse patients.
 */
export const PERMISSIONS = {
  readDirectory: ROLES,
  manageMembers: ['administrator'],
  manageSites: ['administrator'],
  readPatients: ['practitioner', 'secretary', 'medical_assistant', 'coordinator'],
  searchPatients: ['practitioner', 'secretary', 'medical_assistant'],
  writePatients: ['practitioner', 'secretary', 'medical_assistant'],
  /**
   * The ALD flag is health data: the physician who writes the protocole de soins knows it, the secretariat records it
   * from the patient's attestation de droits; nobody else sets it.
   */
  setPatientAld: ['practitioner', 'secretary'],
  readAccessLog: ['administrator'],
} as const satisfies Record<string, readonly Role[]>;
