import { InjectionToken } from '@nestjs/common';
import { DestinationStream } from 'pino';

export interface ObservabilityOptions {
  /** Stamped on every log line as `service`. */
  serviceName: string;
  /** Tokens of providers implementing `ReadinessCheck`; each may live in any module of the application. */
  readinessChecks?: InjectionToken[];
  /** Overrides `LOG_LEVEL` (fatal, error, warn, info, debug, trace, silent). */
  logLevel?: string;
  /** Overrides `LOG_PRETTY` / `NODE_ENV=development`. */
  prettyLogs?: boolean;
  /** Where log lines go instead of stdout: lets tests read what was logged. */
  logDestination?: DestinationStream;
  /** A readiness check slower than this counts as down (default 3000 ms), so a hung dependency cannot hang the probe. */
  readinessTimeoutMs?: number;
  /**
   * Paths served by middleware mounted outside Nest's router (Apollo's `/graphql`): they have no route pattern, so
   * metrics label them by path. Every other unrouted request is labelled `unmatched` to keep label cardinality bounded.
   */
  mountedPaths?: string[];
}

export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');
