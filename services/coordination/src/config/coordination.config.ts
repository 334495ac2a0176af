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
import type { InternalClientSettings } from '../application/internal-client-settings';

const schema = platformServiceEnv(4105).extend({
  KAFKA_CONSUMER_GROUP: z.string().min(1).default('coordination'),
  DIRECTORY_INTERNAL_URL: httpUrl.default('http://127.0.0.1:4101'),
  SCHEDULING_INTERNAL_URL: httpUrl.default('http://127.0.0.1:4102'),
  COORDINATION_FREE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2_000),
  COORDINATION_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  COORDINATION_DEMO_DATA: demoDataSwitch,
});

/** The coordination service's environment, validated once at boot; every wrong variable is named at once. */
export class CoordinationConfig {
  private constructor(
    readonly port: number,
    readonly host: string,
    readonly databaseUrl: string,
    readonly kafkaBrokers: string[],
    readonly consumerGroup: string,
    readonly trust: PlatformTrust,
    readonly clients: InternalClientSettings,
    readonly sweepIntervalMs: number,
    /** Plan the demo MSP's meetings when coordination holds none yet. */
    readonly loadDemoData: boolean,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv): CoordinationConfig {
    const c = parseServiceEnv('coordination', schema, env);
    return new CoordinationConfig(
      c.PORT,
      c.HOST,
      c.DATABASE_URL,
      c.KAFKA_BROKERS.split(','),
      c.KAFKA_CONSUMER_GROUP,
      platformTrustOf(c),
      {
        directoryInternalUrl: c.DIRECTORY_INTERNAL_URL,
        schedulingInternalUrl: c.SCHEDULING_INTERNAL_URL,
        freeBusyTimeoutMs: c.COORDINATION_FREE_BUSY_TIMEOUT_MS,
        servicePrivateKey: c.SERVICE_PRIVATE_KEY,
      },
      c.COORDINATION_SWEEP_INTERVAL_MS,
      c.COORDINATION_DEMO_DATA === 'load',
    );
  }

  /** Safe to log: keys and the database password never appear. */
  toJSON(): Record<string, unknown> {
    return {
      ...describeServiceEnv(this),
      consumerGroup: this.consumerGroup,
      directoryInternalUrl: this.clients.directoryInternalUrl,
      schedulingInternalUrl: this.clients.schedulingInternalUrl,
      freeBusyTimeoutMs: this.clients.freeBusyTimeoutMs,
      sweepIntervalMs: this.sweepIntervalMs,
      loadDemoData: this.loadDemoData,
    };
  }
}
