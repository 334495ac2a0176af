import { gql, type TypedDocumentNode } from '@apollo/client';

export interface ActivityCounts {
  appointmentsCompleted: number;
  noShows: number;
  callsReceived: number;
  callsWithoutHuman: number;
  interruptionsAvoided: number;
  delegatedTasksCompleted: number;
  delegatedMinutes: number;
  meetingsHeld: number;
  protocolsAdopted: number;
}

export interface IndicatorScore {
  catalogue: string;
  version: string;
  indicatorCode: string;
  label: string;
  unit: string;
  status: string;
  level: number | null;
  numerator: number | null;
  denominator: number | null;
  intermediateObjective: number | null;
  intermediateReached: boolean | null;
  targetObjective: number | null;
  targetReached: boolean | null;
  achievementRate: number | null;
  pointsMaximum: number | null;
  pointsEarned: number | null;
  pointsWeighted: number | null;
  estimatedEuros: number | null;
  unconfirmed: string[];
  explanation: string[];
  provenance: string;
  importedFile: string | null;
  recordedAt: string | null;
}

export interface IndicatorScoresData {
  indicatorScores: {
    period: string;
    start: string;
    end: string;
    activity: ActivityCounts;
    scores: IndicatorScore[];
  };
}

export interface IndicatorScoresVariables {
  structureId: string;
  period: string;
  practitionerId: string | null;
}

/** The period's indicators, computed from the events or imported / declared, each scored against its objectives. */
export const INDICATOR_SCORES_QUERY: TypedDocumentNode<IndicatorScoresData, IndicatorScoresVariables> = gql`
  query ConsoleIndicatorScores($structureId: ID!, $period: String!, $practitionerId: ID) {
    indicatorScores(structureId: $structureId, period: $period, practitionerId: $practitionerId) {
      period
      start
      end
      activity {
        appointmentsCompleted
        noShows
        callsReceived
        callsWithoutHuman
        interruptionsAvoided
        delegatedTasksCompleted
        delegatedMinutes
        meetingsHeld
        protocolsAdopted
      }
      scores {
        catalogue
        version
        indicatorCode
        label
        unit
        status
        level
        numerator
        denominator
        intermediateObjective
        intermediateReached
        targetObjective
        targetReached
        achievementRate
        pointsMaximum
        pointsEarned
        pointsWeighted
        estimatedEuros
        unconfirmed
        explanation
        provenance
        importedFile
        recordedAt
      }
    }
  }
`;

export interface PractitionerTimeFreed {
  practitionerId: string;
  minutesPerPractitionerPerWeek: number;
  hoursPerPractitionerPerWeek: number;
  terms: Array<{ code: string; label: string; quantity: number; minutesPerUnit: number; minutes: number }>;
}

/** One aliased `timeFreed` per week (`w0`, `w1`…): the weeks of a month in one request. */
export type TimeFreedWeeksData = Record<string, PractitionerTimeFreed[]>;

const documents = new Map<number, TypedDocumentNode<TimeFreedWeeksData, Record<string, string>>>();

/** A document asking `count` weeks at once, variables `structureId`, `w0`…: built once per count. */
export function timeFreedWeeksQuery(count: number): TypedDocumentNode<TimeFreedWeeksData, Record<string, string>> {
  const known = documents.get(count);
  if (known) return known;
  const indexes = Array.from({ length: count }, (_, i) => i);
  const document = gql(`
    query ConsoleTimeFreedWeeks($structureId: ID!, ${indexes.map((i) => `$w${i}: String!`).join(', ')}) {
      ${indexes
        .map(
          (i) => `w${i}: timeFreed(structureId: $structureId, week: $w${i}) {
        practitionerId
        minutesPerPractitionerPerWeek
        hoursPerPractitionerPerWeek
        terms { code label quantity minutesPerUnit minutes }
      }`,
        )
        .join('\n')}
    }
  `) as TypedDocumentNode<TimeFreedWeeksData, Record<string, string>>;
  documents.set(count, document);
  return document;
}

export interface HistoryPoint {
  period: string;
  level: number | null;
  status: string;
}

export interface IndicatorHistory {
  indicatorCode: string;
  label: string;
  unit: string;
  intermediateObjective: number | null;
  targetObjective: number | null;
  points: HistoryPoint[];
}

export interface IndicatorHistoriesData {
  indicatorHistories: IndicatorHistory[];
}

/** Every computed indicator month by month (the facts read once). */
export const INDICATOR_HISTORIES_QUERY: TypedDocumentNode<
  IndicatorHistoriesData,
  { structureId: string; from: string; to: string; practitionerId: string | null }
> = gql`
  query ConsoleIndicatorHistories($structureId: ID!, $from: String!, $to: String!, $practitionerId: ID) {
    indicatorHistories(structureId: $structureId, from: $from, to: $to, practitionerId: $practitionerId) {
      indicatorCode
      label
      unit
      intermediateObjective
      targetObjective
      points {
        period
        level
        status
      }
    }
  }
`;

export interface IndicatorAlert {
  indicatorCode: string;
  label: string;
  objective: string;
  daysLeft: number;
  message: string;
}

export const INDICATOR_ALERTS_QUERY: TypedDocumentNode<
  { indicatorAlerts: IndicatorAlert[] },
  { structureId: string; period: string; practitionerId: string | null }
> = gql`
  query ConsoleIndicatorAlerts($structureId: ID!, $period: String!, $practitionerId: ID) {
    indicatorAlerts(structureId: $structureId, period: $period, practitionerId: $practitionerId) {
      indicatorCode
      label
      objective
      daysLeft
      message
    }
  }
`;

export interface StructureMember {
  id: string;
  firstName: string;
  lastName: string;
  memberships: Array<{ roles: string[] }>;
}

/** The structure's members, for the practitioners' names and the practitioner picker. */
export const STRUCTURE_MEMBERS_QUERY: TypedDocumentNode<{ members: StructureMember[] }, { structureId: string }> = gql`
  query ConsoleIndicatorMembers($structureId: ID!) {
    members(structureId: $structureId) {
      id
      firstName
      lastName
      memberships {
        roles
      }
    }
  }
`;

export interface ImportError {
  line: number;
  column: string | null;
  message: string;
}

export interface ImportResult {
  ok: boolean;
  imported: number;
  errors: ImportError[];
}

export const IMPORT_INDICATOR_VALUES_MUTATION: TypedDocumentNode<
  { importIndicatorValues: ImportResult },
  { input: { structureId: string; csvBase64: string; fileName: string } }
> = gql`
  mutation ConsoleImportIndicatorValues($input: ImportIndicatorValuesInputType!) {
    importIndicatorValues(input: $input) {
      ok
      imported
      errors {
        line
        column
        message
      }
    }
  }
`;

export interface CatalogueIndicator {
  code: string;
  label: string;
  unit: string;
  direction: string | null;
  intermediateObjective: number | null;
  intermediateObjectiveStatus: string;
  targetObjective: number | null;
  targetObjectiveStatus: string;
}

export interface Catalogue {
  code: string;
  version: string;
  label: string;
  validFrom: string;
  validTo: string | null;
  indicators: CatalogueIndicator[];
}

export const INDICATOR_CATALOGUE_QUERY: TypedDocumentNode<
  { indicatorCatalogue: Catalogue[] },
  { structureId: string }
> = gql`
  query ConsoleIndicatorCatalogue($structureId: ID!) {
    indicatorCatalogue(structureId: $structureId) {
      code
      version
      label
      validFrom
      validTo
      indicators {
        code
        label
        unit
        direction
        intermediateObjective
        intermediateObjectiveStatus
        targetObjective
        targetObjectiveStatus
      }
    }
  }
`;

export interface IndicatorSetting {
  catalogue: string;
  indicatorCode: string;
  field: string;
  value: number;
  source: string;
  setAt: string;
}

export const INDICATOR_SETTINGS_QUERY: TypedDocumentNode<
  { indicatorSettings: IndicatorSetting[] },
  { structureId: string }
> = gql`
  query ConsoleIndicatorSettings($structureId: ID!) {
    indicatorSettings(structureId: $structureId) {
      catalogue
      indicatorCode
      field
      value
      source
      setAt
    }
  }
`;

export interface SetIndicatorValueInput {
  structureId: string;
  catalogue: string;
  indicatorCode: string;
  field: string;
  value: number;
  source: string;
}

export const SET_INDICATOR_VALUE_MUTATION: TypedDocumentNode<
  { setIndicatorValue: IndicatorSetting },
  { input: SetIndicatorValueInput }
> = gql`
  mutation ConsoleSetIndicatorValue($input: SetIndicatorValueInputType!) {
    setIndicatorValue(input: $input) {
      catalogue
      indicatorCode
      field
      value
      source
      setAt
    }
  }
`;
