import { gql, type TypedDocumentNode } from '@apollo/client';

export interface RuleCheck {
  condition: string;
  holds: boolean;
  reason: string;
}

export interface RuleTrace {
  scope: string;
  version: number;
  ruleId: string;
  label: string;
  matched: boolean;
  checks: RuleCheck[];
}

export interface CallDecision {
  action: string;
  colleagueId: string | null;
  queue: string | null;
  ruleId: string | null;
  scope: string | null;
  version: number | null;
  practitionerStatus: string | null;
  explanation: string;
  trace: RuleTrace[];
}

const DECISION_FIELDS = gql`
  fragment ConsoleCallDecision on CallDecision {
    action
    colleagueId
    queue
    ruleId
    scope
    version
    practitionerStatus
    explanation
    trace {
      scope
      version
      ruleId
      label
      matched
      checks {
        condition
        holds
        reason
      }
    }
  }
`;

export interface CallJournalEntry {
  id: string;
  siteId: string;
  practitionerId: string | null;
  callerKind: string;
  intent: string | null;
  urgent: boolean;
  decision: CallDecision | null;
  interruptsConsultation: boolean;
  outcome: string | null;
  messageReason: string | null;
  startedAt: string;
  endedAt: string | null;
  durationSeconds: number | null;
}

export interface CallJournalVariables {
  input: {
    structureId: string;
    siteId?: string | null;
    practitionerId?: string | null;
    from?: string | null;
    to?: string | null;
    limit?: number | null;
  };
}

/** Newest first, each call with the decision and the trace of every rule tried. */
export const CALL_JOURNAL_QUERY: TypedDocumentNode<{ callJournal: CallJournalEntry[] }, CallJournalVariables> = gql`
  ${DECISION_FIELDS}
  query ConsoleCallJournal($input: CallJournalInput!) {
    callJournal(input: $input) {
      id
      siteId
      practitionerId
      callerKind
      intent
      urgent
      decision {
        ...ConsoleCallDecision
      }
      interruptsConsultation
      outcome
      messageReason
      startedAt
      endedAt
      durationSeconds
    }
  }
`;

export interface CallStatistics {
  calls: number;
  handledWithoutHuman: number;
  shareWithoutHuman: number;
  messagesTaken: number;
  transferredToHuman: number;
  redirectedTo15: number;
  duringConsultation: number;
  consultationsInterrupted: number;
  interruptionsAvoided: number;
  queueWait: { answered: number; averageSeconds: number | null; maxSeconds: number | null };
  perDay: Array<{ day: string; calls: number; handledWithoutHuman: number }>;
  perHour: Array<{ weekday: number; hour: number; calls: number }>;
  timeZone: string;
}

export const CALL_STATISTICS_QUERY: TypedDocumentNode<{ callStatistics: CallStatistics }, CallJournalVariables> = gql`
  query ConsoleCallStatistics($input: CallJournalInput!) {
    callStatistics(input: $input) {
      calls
      handledWithoutHuman
      shareWithoutHuman
      messagesTaken
      transferredToHuman
      redirectedTo15
      duringConsultation
      consultationsInterrupted
      interruptionsAvoided
      queueWait {
        answered
        averageSeconds
        maxSeconds
      }
      perDay {
        day
        calls
        handledWithoutHuman
      }
      perHour {
        weekday
        hour
        calls
      }
      timeZone
    }
  }
`;

export interface RulebookScopeVariables {
  input: { structureId: string; siteId?: string | null; practitionerId?: string | null };
}

export interface Rulebook {
  scopeKind: string;
  scopeId: string;
  version: number | null;
  isDefault: boolean;
  document: string | null;
  warnings: Array<{ ruleId: string | null; path: string; reason: string }>;
  authorId: string | null;
  publishedAt: string | null;
}

export const RULEBOOK_QUERY: TypedDocumentNode<{ rulebook: Rulebook }, RulebookScopeVariables> = gql`
  query ConsoleRulebook($input: RulebookScopeInput!) {
    rulebook(input: $input) {
      scopeKind
      scopeId
      version
      isDefault
      document
      warnings {
        ruleId
        path
        reason
      }
      authorId
      publishedAt
    }
  }
`;

export interface PublishRulebookVariables {
  input: RulebookScopeVariables['input'] & { document: string; basedOnVersion: number | null };
}

export const PUBLISH_RULEBOOK_MUTATION: TypedDocumentNode<
  { publishRulebook: { version: number; publishedAt: string; warnings: Rulebook['warnings'] } },
  PublishRulebookVariables
> = gql`
  mutation ConsolePublishRulebook($input: PublishRulebookInput!) {
    publishRulebook(input: $input) {
      version
      publishedAt
      warnings {
        ruleId
        path
        reason
      }
    }
  }
`;

export interface SimulateCallVariables {
  input: {
    siteId: string;
    practitionerId?: string | null;
    callerKind: string;
    passThrough?: boolean;
    prefersHuman?: boolean;
    intent?: string | null;
    transcript?: string | null;
    at?: string | null;
    practitionerStatus?: string | null;
    draftRulebook?: string | null;
    draftScope?: 'site' | 'practitioner' | null;
  };
}

export interface CallSimulation {
  intent: string;
  urgent: boolean;
  decision: CallDecision;
}

export const SIMULATE_CALL_QUERY: TypedDocumentNode<{ simulateCall: CallSimulation }, SimulateCallVariables> = gql`
  ${DECISION_FIELDS}
  query ConsoleSimulateCall($input: SimulateCallInput!) {
    simulateCall(input: $input) {
      intent
      urgent
      decision {
        ...ConsoleCallDecision
      }
    }
  }
`;

export interface SiteMember {
  id: string;
  firstName: string;
  lastName: string;
  profession: string;
  roles: string[];
}

/** The site's members: names for the journal and the practitioners a simulated call or a duty rule may name. */
export const SITE_MEMBERS_QUERY: TypedDocumentNode<{ members: SiteMember[] }, { structureId: string; siteId: string }> =
  gql`
    query ConsoleSiteMembers($structureId: ID!, $siteId: ID) {
      members(structureId: $structureId, siteId: $siteId) {
        id
        firstName
        lastName
        profession
        roles
      }
    }
  `;

export interface RulebookVersionSummary {
  version: number;
  authorId: string;
  publishedAt: string;
  changes: Array<{ kind: string; ruleId: string; summary: string }>;
}

/** Who changed what, when: the last versions of one rulebook, newest first. */
export const RULEBOOK_HISTORY_QUERY: TypedDocumentNode<
  { rulebookHistory: RulebookVersionSummary[] },
  RulebookScopeVariables & { limit: number }
> = gql`
  query ConsoleRulebookHistory($input: RulebookScopeInput!, $limit: Int) {
    rulebookHistory(input: $input, limit: $limit) {
      version
      authorId
      publishedAt
      changes {
        kind
        ruleId
        summary
      }
    }
  }
`;
