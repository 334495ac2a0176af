import { z } from 'zod';
import {
  demoDataSwitch,
  describeServiceEnv,
  parseServiceEnv,
  platformServiceEnv,
  platformTrustOf,
  type PlatformTrust,
} from '@msp/service-kit';
import type { PatientServicesSettings } from '../application/patient-services-settings';
import {
  checkNotificationEnv,
  describePatientServices,
  PATIENT_SERVICES_ENV,
  patientServicesSettings,
} from './patient-services.config';

const schema = platformServiceEnv(4102)
  .extend({
    KAFKA_CONSUMER_GROUP: z.string().min(1).default('scheduling'),
    HOLD_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(1, 'must be at least 1 second')
      .max(3600, 'must be at most an hour')
      .default(300),
    HOLD_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    SCHEDULING_DEMO_DATA: demoDataSwitch,
    // The public booking page and calendar feeds listen here, apart from /graphql, /internal and /metrics.
    PUBLIC_PORT: z.coerce.number().int().min(0).max(65535).default(4112),
  })
  .merge(PATIENT_SERVICES_ENV)
  .refine((env) => env.PUBLIC_PORT === 0 || env.PUBLIC_PORT !== env.PORT, {
    path: ['PUBLIC_PORT'],
    message: 'must differ from PORT: the public routes have a listener of their own',
  })
  .superRefine(checkNotificationEnv);

/** The scheduling service's environment, validated once at boot; every wrong variable is named at once. */
export class SchedulingConfig {
  private constructor(
    readonly port: number,
    /** The listener of the public booking page and calendar feeds (and its own health), nothing else. */
    readonly publicPort: number,
    readonly host: string,
    readonly databaseUrl: string,
    readonly kafkaBrokers: string[],
    readonly consumerGroup: string,
    readonly trust: PlatformTrust,
    /** How long a hold keeps a slot while the caller confirms. */
    readonly holdTtlSeconds: number,
    /** How often lapsed holds are swept (bookings also clear the ones in their way at once). */
    readonly holdSweepSeconds: number,
    /** Give the demo structures agendas once their members reach the projection, when scheduling holds no motif yet. */
    readonly loadDemoData: boolean,
    /** Online booking, SNP release, reminders, waitlist and calendar feeds. */
    readonly patientServices: PatientServicesSettings,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv): SchedulingConfig {
    const c = parseServiceEnv('scheduling', schema, env);
    return new SchedulingConfig(
      c.PORT,
      c.PUBLIC_PORT,
      c.HOST,
      c.DATABASE_URL,
      c.KAFKA_BROKERS.split(','),
      c.KAFKA_CONSUMER_GROUP,
      platformTrustOf(c),
      c.HOLD_TTL_SECONDS,
      c.HOLD_SWEEP_SECONDS,
      c.SCHEDULING_DEMO_DATA === 'load',
      patientServicesSettings(c),
    );
  }

  /** Safe to log: secrets and the database password never appear. */
  toJSON(): Record<string, unknown> {
    return {
      ...describeServiceEnv(this),
      publicPort: this.publicPort,
      consumerGroup: this.consumerGroup,
      holdTtlSeconds: this.holdTtlSeconds,
      holdSweepSeconds: this.holdSweepSeconds,
      loadDemoData: this.loadDemoData,
      patientServices: describePatientServices(this.patientServices),
    };
  }
}
