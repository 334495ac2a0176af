import { z } from 'zod';
import {
  demoDataSwitch,
  describeServiceEnv,
  httpUrl,
  parseServiceEnv,
  platformServiceEnv,
  platformTrustOf,
  type PlatformTrust,
} from '@msp/service-kit';

const schema = platformServiceEnv(4104).extend({
  KAFKA_CONSUMER_GROUP: z.string().min(1).default('delegation'),
  DIRECTORY_INTERNAL_URL: httpUrl.default('http://127.0.0.1:4101'),
  // How often overdue tasks are escalated and escalations waiting on someone away are moved on.
  DELEGATION_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  DELEGATION_DEMO_DATA: demoDataSwitch,
});

/** The delegation service's environment, validated once at boot; every wrong variable is named at once. */
export class DelegationConfig {
  private constructor(
    readonly port: number,
    readonly host: string,
    readonly databaseUrl: string,
    readonly kafkaBrokers: string[],
    readonly consumerGroup: string,
    readonly trust: PlatformTrust,
    readonly directory: DirectoryClientSettings,
    readonly sweepIntervalMs: number,
    /** Adopt the demo protocols and give the demo team a week of tasks, when delegation holds no protocol yet. */
    readonly loadDemoData: boolean,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv): DelegationConfig {
    const c = parseServiceEnv('delegation', schema, env);
    return new DelegationConfig(
      c.PORT,
      c.HOST,
      c.DATABASE_URL,
      c.KAFKA_BROKERS.split(','),
      c.KAFKA_CONSUMER_GROUP,
      platformTrustOf(c),
      { directoryInternalUrl: c.DIRECTORY_INTERNAL_URL, servicePrivateKey: c.SERVICE_PRIVATE_KEY },
      c.DELEGATION_SWEEP_INTERVAL_MS,
      c.DELEGATION_DEMO_DATA === 'load',
    );
  }

  /** Safe to log: keys and the database password never appear. */
  toJSON(): Record<string, unknown> {
    return {
      ...describeServiceEnv(this),
      consumerGroup: this.consumerGroup,
      directoryInternalUrl: this.directory.directoryInternalUrl,
      sweepIntervalMs: this.sweepIntervalMs,
      loadDemoData: this.loadDemoData,
    };
  }
}

export interface DirectoryClientSettings {
  directoryInternalUrl: string;
  servicePrivateKey: string;
}
