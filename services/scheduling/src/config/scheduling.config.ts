import { z } from 'zod';
import type { PatientServicesSettings } from '../application/patient-services-settings';
import { describePatientServices, PATIENT_SERVICES_ENV, patientServicesSettings } from './patient-services.config';

const secret = z.string().min(32, 'must be at least 32 characters');

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(4102),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.string().url('must be a postgres:// URL'),
    KAFKA_BROKERS: z.string().min(1, 'must list at least one host:port'),
    KAFKA_CONSUMER_GROUP: z.string().min(1).default('scheduling'),
    USER_CONTEXT_SECRET: secret,
    INTERNAL_SERVICE_SECRET: secret,
    HOLD_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(1, 'must be at least 1 second')
      .max(3600, 'must be at most an hour')
      .default(300),
    HOLD_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    SCHEDULING_DEMO_DATA: z
      .enum(['load', 'skip'], { errorMap: () => ({ message: 'must be "load" or "skip"' }) })
      .default('skip'),
  })
  .merge(PATIENT_SERVICES_ENV);

/** The scheduling service's environment, validated once at boot; every wrong variable is named at once. */
export class SchedulingConfig {
  private constructor(
    readonly port: number,
    readonly host: string,
    readonly databaseUrl: string,
    readonly kafkaBrokers: string[],
    readonly consumerGroup: string,
    readonly userContextSecret: string,
    readonly internalServiceSecret: string,
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
    const parsed = schema.safeParse(env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
      throw new Error(`Invalid scheduling configuration:\n${lines.join('\n')}`);
    }
    const c = parsed.data;
    return new SchedulingConfig(
      c.PORT,
      c.HOST,
      c.DATABASE_URL,
      c.KAFKA_BROKERS.split(','),
      c.KAFKA_CONSUMER_GROUP,
      c.USER_CONTEXT_SECRET,
      c.INTERNAL_SERVICE_SECRET,
      c.HOLD_TTL_SECONDS,
      c.HOLD_SWEEP_SECONDS,
      c.SCHEDULING_DEMO_DATA === 'load',
      patientServicesSettings(c),
    );
  }

  /** Safe to log: secrets and the database password never appear. */
  toJSON(): Record<string, unknown> {
    const db = new URL(this.databaseUrl);
    if (db.password) db.password = '***';
    return {
      port: this.port,
      host: this.host,
      databaseUrl: db.toString(),
      kafkaBrokers: this.kafkaBrokers,
      consumerGroup: this.consumerGroup,
      holdTtlSeconds: this.holdTtlSeconds,
      holdSweepSeconds: this.holdSweepSeconds,
      loadDemoData: this.loadDemoData,
      patientServices: describePatientServices(this.patientServices),
      secrets: '***',
    };
  }
}
