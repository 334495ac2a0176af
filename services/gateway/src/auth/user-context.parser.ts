import { ROLES, type UserContext } from '@msp/auth';
import { z } from 'zod';

const userContext = z.object({
  memberId: z.string().min(1),
  memberships: z.array(
    z.object({
      structureId: z.string().min(1),
      roles: z.array(z.enum(ROLES)),
      siteIds: z.array(z.string()),
    }),
  ),
});

/**
 * Checks what the directory answered before it is signed and handed to every subgraph: a malformed answer must not
 * turn into somebody's permissions. Returns a description of the problem, never the offending values.
 */
export function parseUserContext(body: unknown, memberId: string): UserContext | string {
  const parsed = userContext.safeParse(body);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  if (parsed.data.memberId !== memberId) return 'memberId differs from the member asked for';
  // Only the known fields travel on, whatever else the directory added.
  return {
    memberId: parsed.data.memberId,
    memberships: parsed.data.memberships.map(({ structureId, roles, siteIds }) => ({ structureId, roles, siteIds })),
  };
}
