import { gql, type TypedDocumentNode } from '@apollo/client';

export type Role = 'practitioner' | 'secretary' | 'medical_assistant' | 'coordinator' | 'administrator';

export interface SiteSummary {
  id: string;
  name: string;
  city: string;
  timeZone: string;
}

export interface MembershipSummary {
  roles: Role[];
  structure: { id: string; name: string; kind: 'MSP' | 'CPTS'; timeZone: string; sites: SiteSummary[] };
  sites: SiteSummary[];
}

export interface MeData {
  me: { id: string; firstName: string; lastName: string; profession: string; memberships: MembershipSummary[] };
}

/** Who signed in, with each structure's roles and sites: the navigation and the pickers follow from it. */
export const ME_QUERY: TypedDocumentNode<MeData, Record<string, never>> = gql`
  query ConsoleMe {
    me {
      id
      firstName
      lastName
      profession
      memberships {
        roles
        structure {
          id
          name
          kind
          timeZone
          sites {
            id
            name
            city
            timeZone
          }
        }
        sites {
          id
          name
          city
          timeZone
        }
      }
    }
  }
`;
