import { z } from 'zod';
import {
  describeServiceEnv,
  httpUrl,
  parseServiceEnv,
  platformServiceEnv,
  platformTrustOf,
  type PlatformTrust,
} from '@msp/service-kit';

const schema = platformServiceEnv(4106).extend({
  KAFKA_CONSUMER_GROUP: z.string().min(1).default('indicators'),
  INDICATORS_DATA_DIR: z.string().optional(),
  DIRECTORY_INTERNAL_URL: httpUrl.default('http://127.0.0.1:4101'),
  INDICATORS_RECOMPUTE_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(1000),
});

/** The indicators service's environment, validated once at boot; every wrong variable is named at once. */
export class IndicatorsConfig {
  private constructor(
    readonly port: number,
    readonly host: string,
    readonly databaseUrl: string,
    readonly kafkaBrokers: string[],
    /** A new group name re-reads every topic from its start: the way to rebuild the projections (see README). */
    readonly consumerGroup: string,
    readonly trust: PlatformTrust,
    /**
     * Where the `catalogue/` and `parameters/` data files are read (default: the service's `data/`): a deployment can
     * ship a new catalogue version without a new build, and a spec can score on objectives it states.
     */
    readonly dataDir: string | undefined,
    /** The directory's internal API: the population the ACI concertation share is computed over. */
    readonly directoryInternalUrl: string,
    /** How often the months that new facts changed are recomputed and their changes announced. */
    readonly recomputeIntervalMs: number,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv): IndicatorsConfig {
    const c = parseServiceEnv('indicators', schema, env);
    return new IndicatorsConfig(
      c.PORT,
      c.HOST,
      c.DATABASE_URL,
      c.KAFKA_BROKERS.split(','),
      c.KAFKA_CONSUMER_GROUP,
      platformTrustOf(c),
      c.INDICATORS_DATA_DIR || undefined,
      c.DIRECTORY_INTERNAL_URL,
      c.INDICATORS_RECOMPUTE_INTERVAL_MS,
    );
  }

  /** Safe to log: keys and the database password never appear. */
  toJSON(): Record<string, unknown> {
    return {
      ...describeServiceEnv(this),
      consumerGroup: this.consumerGroup,
      dataDir: this.dataDir ?? 'data/',
      directoryInternalUrl: this.directoryInternalUrl,
      recomputeIntervalMs: this.recomputeIntervalMs,
    };
  }
}
