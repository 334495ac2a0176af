import { headerText, TOPICS } from '@msp/contracts';
import { createKafkaClient } from '@msp/messaging';
import type { LoggerService } from '@nestjs/common';
import type { Consumer, EachMessagePayload } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** Event types of the directory that change what a member may do: every one of them drops the gateway's copy. */
const MEMBER_CHANGES = new Set([
  'directory.member.joined.v1',
  'directory.member.updated.v1',
  'directory.member.left.v1',
]);

export interface DirectoryMemberChangesOptions {
  brokers: string[];
  /** Without a heartbeat of the consumer for this long, changes are no longer taken as heard. */
  silenceMs?: number;
  /** Milliseconds clock; tests move it. */
  now?: () => number;
}

type Log = Pick<LoggerService, 'log' | 'warn' | 'error'>;

/**
 * Hears the directory's member events (`directory.events`) and tells the gateway's member contexts to forget the member
 * concerned, so that a removal or a role change reaches this gateway at once even while it serves contexts last verified
 * during a directory outage. Every gateway replica holds its own copies, so each reads every event: its consumer group
 * is its own (`gateway-<host>-<pid>-<random>`), starting at the newest events. `heard()` is true only while the consumer
 * is in its group and heartbeating; otherwise no stale context is served at all.
 */
export class DirectoryMemberChanges {
  private consumer?: Consumer;
  private lastHeartbeat?: number;
  private stopped = false;
  private readonly silenceMs: number;
  private readonly now: () => number;

  constructor(
    private readonly options: DirectoryMemberChangesOptions,
    private readonly forget: (memberId: string) => void,
    private readonly log: Log,
  ) {
    this.silenceMs = options.silenceMs ?? 15_000;
    this.now = options.now ?? Date.now;
  }

  /** Starts listening in the background; a Kafka away at boot is retried without holding the gateway back. */
  start(): void {
    void this.run();
  }

  heard(): boolean {
    return this.lastHeartbeat !== undefined && this.now() - this.lastHeartbeat < this.silenceMs;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.lastHeartbeat = undefined;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  /** Handles one record of the directory's topic; exposed for the consumer and unit specs. */
  onRecord({ message }: Pick<EachMessagePayload, 'message'>): void {
    const type = headerText(message.headers, 'ce_type');
    if (!type || !MEMBER_CHANGES.has(type)) return;
    const memberId = memberIdOf(message.value);
    if (memberId) this.forget(memberId);
    else this.log.warn({ msg: 'directory member event without a member id', type });
  }

  private async run(): Promise<void> {
    const groupId = `gateway-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    const consumer = createKafkaClient('gateway', this.options.brokers).consumer({
      groupId,
      maxWaitTimeInMs: 1_000,
      heartbeatInterval: 1_000,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 500, maxRetryTime: 5_000 },
    });
    this.consumer = consumer;
    const alive = () => (this.lastHeartbeat = this.now());
    consumer.on(consumer.events.GROUP_JOIN, alive);
    consumer.on(consumer.events.HEARTBEAT, alive);
    consumer.on(consumer.events.FETCH, alive);
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.lastHeartbeat = undefined;
      this.log.warn({ msg: 'directory member changes: consumer crashed', restart: payload.restart });
    });
    consumer.on(consumer.events.DISCONNECT, () => (this.lastHeartbeat = undefined));
    while (!this.stopped) {
      try {
        await consumer.connect();
        await consumer.subscribe({ topic: TOPICS.directory, fromBeginning: false });
        await consumer.run({ eachMessage: async (payload) => this.onRecord(payload) });
        this.log.log({ msg: 'hearing the directory member changes', groupId });
        return;
      } catch (error) {
        this.log.warn({ msg: 'directory member changes not heard yet', reason: (error as Error).message });
        await consumer.disconnect().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    }
  }
}

function memberIdOf(value: Buffer | null): string | undefined {
  try {
    const data = JSON.parse(value?.toString('utf8') ?? 'null') as { memberId?: unknown } | null;
    return typeof data?.memberId === 'string' ? data.memberId : undefined;
  } catch {
    return undefined;
  }
}
