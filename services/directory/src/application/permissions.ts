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
  /** Coordinators find the patients of the case agendas they prepare for concertation meetings (COO-3). */
  searchPatients: ['practitioner', 'secretary', 'medical_assistant', 'coordinator'],
  writePatients: ['practitioner', 'secretary', 'medical_assistant'],
  /**
   * The ALD flag is health data: the physician who writes the protocole de soins knows it, the secretariat records it
   * from the patient's attestation de droits; nobody else sets it.
   */
  setPatientAld: ['practitioner', 'secretary'],
  readAccessLog: ['administrator'],
  /** A CPTS's coordinator runs its network; its administrator manages it: either brings a member MSP on board. */
  manageCptsMembers: ['coordinator', 'administrator'],
  /** Bulk imports of a structure's members and patients (CSV) are its administrators' onboarding work. */
  importDirectory: ['administrator'],
  /** Which external identity (Keycloak, Pro Santé Connect) signs in as a member: who may act as them (ADR 0019). */
  manageIdentityLinks: ['administrator'],
} as const satisfies Record<string, readonly Role[]>;
