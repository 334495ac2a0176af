export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  /** Short service name: CloudEvents source `/msp/<name>`, client id prefix, and default consumer group. */
  serviceName: string;
  brokers: string[];
  /** Topics this service consumes; omit for a producer-only service. */
  subscribeTo?: string[];
  /** Consumer group; defaults to the service name, exactly (no suffix appended). */
  consumerGroup?: string;
  /**
   * Processing attempts before a message goes to the dead-letter topic (default 5). Infrastructure failures (database
   * or dependency unreachable, serialization failure, deadlock) do not count: they are retried until the outage ends.
   */
  maxAttempts?: number;
  /** First retry delay, doubled on each attempt and capped at 5 s (default 200 ms). */
  retryBackoffMs?: number;
  /** Safety-net sweep of the outbox when no NOTIFY arrives (default 2000 ms). */
  relaySweepMs?: number;
  /** Run the outbox relay in this process (default true). */
  relay?: boolean;
}

export const messagingDefaults = {
  maxAttempts: 5,
  retryBackoffMs: 200,
  relaySweepMs: 2_000,
} as const;
