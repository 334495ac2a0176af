import type { UserContext } from '@msp/auth';
import type { Dataset } from '../dataset/dataset-plan';
import type { GraphQLEndpoint } from '../load/graphql-endpoint';
import type { DatasetFacts } from '../report/bench-result';

/** The running stack as the scenarios see it. */
export interface BenchStack {
  dataDir: string;
  gatewayUrl: string;
  schedulingUrl: string;
  directoryDatabaseUrl: string;
  schedulingDatabaseUrl: string;
  callRoutingDatabaseUrl: string;
  /** Call routing's public listener (its /health probes; the gateway forwards /telephony to it). */
  callRoutingPublicUrl: string;
  /** Delegation's subgraph (reached with a signed user context, as the gateway reaches it) and its database. */
  delegationUrl: string;
  delegationDatabaseUrl: string;
  /** Coordination's subgraph and database; scheduling's internal API, which coordination's planner asks. */
  coordinationUrl: string;
  coordinationDatabaseUrl: string;
  /** Coordination's service key: the baseline asks scheduling's free/busy as coordination does. */
  coordinationPrivateKey: string;
  /** Indicators' subgraph and database (its fact tables, seeded with a year of activity). */
  indicatorsUrl: string;
  indicatorsDatabaseUrl: string;
  /** The HMAC key the neutral telephony webhook is signed with (the current one of TELEPHONY_WEBHOOK_SECRETS). */
  telephonyWebhookSecret: string;
  kafkaBrokers: string[];
  userContextPrivateKey: string;
  /** Service processes, for their memory. */
  pids: { name: string; pid: number }[];
  startupSeconds: number;
}

/** A seeded dataset and the two ways to reach it as its secretary. */
export interface SeededDataset {
  dataset: Dataset;
  facts: DatasetFacts;
  secretary: UserContext;
  gateway: GraphQLEndpoint;
  subgraph: GraphQLEndpoint;
  /** A working day no appointment uses yet, different at each call: each round books into empty agendas. */
  takeFreeDay(): string;
}

/** How much work each scenario does: the full run, or the short check of `npm test`. */
export interface BenchScale {
  smoke: boolean;
  /** Booking attempts per round, per concurrency level. */
  bookingAttempts: Record<number, number>;
  concurrencies: number[];
  /** Requests per read measurement, and the time after which it stops early (and says so). */
  readRequests: number;
  readSeconds: number;
  /** Bookings whose events are followed one at a time. */
  propagationSamples: number;
  /** Calls placed through the telephony webhook, at an even pace over `seconds`; `pauseMs` a caller's pause between steps. */
  calls: { count: number; seconds: number; pauseMs: number };
  /** The delegation board: `users` medical assistants each working `tasksPerUser` tasks of their own, then all of them
   * taking each of `contendedTasks` pool tasks at once. */
  board: { users: number; tasksPerUser: number; contendedTasks: number };
  /** The meeting planner: proposals asked by `concurrency` coordinators, `requests` of them. */
  planning: { requests: number; concurrency: number };
  /** Indicators: a structure's year recomputed `years` times (and 6 × `years` single months, the baseline). */
  indicators: { years: number };
}

export const FULL_SCALE: BenchScale = {
  smoke: false,
  bookingAttempts: { 16: 600, 64: 1200 },
  concurrencies: [16, 64],
  readRequests: 300,
  readSeconds: 45,
  propagationSamples: 200,
  calls: { count: 1_000, seconds: 60, pauseMs: 1_000 },
  board: { users: 16, tasksPerUser: 40, contendedTasks: 60 },
  planning: { requests: 300, concurrency: 4 },
  indicators: { years: 10 },
};

export const SMOKE_SCALE: BenchScale = {
  smoke: true,
  bookingAttempts: { 4: 30 },
  concurrencies: [4],
  readRequests: 10,
  readSeconds: 30,
  propagationSamples: 10,
  calls: { count: 30, seconds: 5, pauseMs: 100 },
  board: { users: 16, tasksPerUser: 2, contendedTasks: 3 },
  planning: { requests: 10, concurrency: 2 },
  indicators: { years: 2 },
};
