/** The platform's roles; a member holds some of them in each structure they belong to. */
export const ROLES = ['practitioner', 'secretary', 'medical_assistant', 'coordinator', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
