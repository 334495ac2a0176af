import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import type { MeData, MembershipSummary, Role, SiteSummary } from './me.query';

/** Where the person works right now: one structure (their roles there) and one of its sites. */
export interface Workplace {
  member: MeData['me'];
  memberships: MembershipSummary[];
  membership: MembershipSummary;
  site: SiteSummary;
  roles: readonly Role[];
  chooseStructure(structureId: string): void;
  chooseSite(siteId: string): void;
}

const STORAGE_KEY = 'msp-console.workplace';
const WorkplaceContext = createContext<Workplace | null>(null);

export function useWorkplace(): Workplace {
  const workplace = useContext(WorkplaceContext);
  if (!workplace) throw new Error('useWorkplace outside WorkplaceProvider');
  return workplace;
}

interface Choice {
  structureId?: string;
  siteId?: string;
}

function remembered(): Choice {
  try {
    return JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}') as Choice;
  } catch {
    return {};
  }
}

/** The member's own sites first (where they work), then the structure's others. */
function defaultSite(membership: MembershipSummary): SiteSummary | undefined {
  return membership.sites[0] ?? membership.structure.sites[0];
}

export function WorkplaceProvider({ member, children }: { member: MeData['me']; children: ReactNode }) {
  const [choice, setChoice] = useState<Choice>(remembered);
  const remember = (next: Choice) => {
    setChoice(next);
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  };

  const workplace = useMemo<Workplace | null>(() => {
    const memberships = member.memberships.filter((m) => m.structure.sites.length > 0 || m.sites.length > 0);
    const membership = memberships.find((m) => m.structure.id === choice.structureId) ?? memberships[0];
    if (!membership) return null;
    const site = membership.structure.sites.find((s) => s.id === choice.siteId) ?? defaultSite(membership);
    if (!site) return null;
    return {
      member,
      memberships,
      membership,
      site,
      roles: membership.roles,
      chooseStructure: (structureId) => remember({ structureId }),
      chooseSite: (siteId) => remember({ structureId: membership.structure.id, siteId }),
    };
  }, [member, choice]);

  if (!workplace) return <>{children}</>;
  return <WorkplaceContext.Provider value={workplace}>{children}</WorkplaceContext.Provider>;
}

export function useOptionalWorkplace(): Workplace | null {
  return useContext(WorkplaceContext);
}

export type { Role, SiteSummary };
