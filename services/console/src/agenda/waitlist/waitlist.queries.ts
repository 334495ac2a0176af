import { gql, type TypedDocumentNode } from '@apollo/client';

export type WaitlistOfferStatus = 'open' | 'accepted' | 'declined' | 'expired';

export interface WaitlistOffer {
  id: string;
  practitionerId: string;
  siteId: string;
  startsAt: string;
  endsAt: string;
  expiresAt: string;
  status: WaitlistOfferStatus;
  createdAt: string;
}

export interface WaitlistEntry {
  id: string;
  patientId: string;
  patient: { id: string; firstName: string; lastName: string } | null;
  motifId: string;
  practitionerId: string | null;
  profession: string | null;
  before: string;
  status: 'waiting' | 'offered' | 'booked' | 'withdrawn';
  createdAt: string;
  offers: WaitlistOffer[];
}

const OFFER_FIELDS = gql`
  fragment ConsoleWaitlistOfferFields on WaitlistOffer {
    id
    practitionerId
    siteId
    startsAt
    endsAt
    expiresAt
    status
    createdAt
  }
`;

/** Who waits in the structure, first come first served, each with every slot offered to them (newest first). */
export const WAITLIST_QUERY: TypedDocumentNode<{ waitlist: WaitlistEntry[] }, { structureId: string }> = gql`
  query ConsoleWaitlist($structureId: ID!) {
    waitlist(structureId: $structureId) {
      id
      patientId
      patient {
        id
        firstName
        lastName
      }
      motifId
      practitionerId
      profession
      before
      status
      createdAt
      offers {
        ...ConsoleWaitlistOfferFields
      }
    }
  }
  ${OFFER_FIELDS}
`;

export interface JoinWaitlistVariables {
  input: {
    structureId: string;
    patientId: string;
    motifId: string;
    practitionerId: string | null;
    profession: string | null;
    before: string;
  };
}

export const JOIN_WAITLIST: TypedDocumentNode<{ joinWaitlist: { id: string; status: string } }, JoinWaitlistVariables> =
  gql`
    mutation ConsoleJoinWaitlist($input: JoinWaitlistInput!) {
      joinWaitlist(input: $input) {
        id
        status
      }
    }
  `;

export const LEAVE_WAITLIST: TypedDocumentNode<{ leaveWaitlist: { id: string; status: string } }, { entryId: string }> =
  gql`
    mutation ConsoleLeaveWaitlist($entryId: ID!) {
      leaveWaitlist(entryId: $entryId) {
        id
        status
      }
    }
  `;

export const ACCEPT_WAITLIST_OFFER: TypedDocumentNode<
  { acceptWaitlistOffer: { id: string; startsAt: string; status: string } },
  { offerId: string }
> = gql`
  mutation ConsoleAcceptWaitlistOffer($offerId: ID!) {
    acceptWaitlistOffer(offerId: $offerId) {
      id
      startsAt
      status
    }
  }
`;

export const DECLINE_WAITLIST_OFFER: TypedDocumentNode<
  { declineWaitlistOffer: { id: string; status: string } },
  { offerId: string }
> = gql`
  mutation ConsoleDeclineWaitlistOffer($offerId: ID!) {
    declineWaitlistOffer(offerId: $offerId) {
      id
      status
    }
  }
`;
