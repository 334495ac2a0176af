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

const secrets = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()))
  .refine((list) => list.length <= 2, 'at most two secrets: the current one, then the previous during a rotation')
  .refine((list) => list.every((s) => s.length >= 32), 'each secret must be at least 32 characters');

const schema = platformServiceEnv(4103)
  .extend({
    KAFKA_CONSUMER_GROUP: z.string().min(1).default('call-routing'),
    // The telephony webhooks listen here, apart from /graphql, /internal and /metrics.
    PUBLIC_PORT: z.coerce.number().int().min(0).max(65535).default(4113),
    PUBLIC_BASE_URL: httpUrl.optional(),
    DIRECTORY_INTERNAL_URL: httpUrl.default('http://127.0.0.1:4101'),
    SCHEDULING_INTERNAL_URL: httpUrl.default('http://127.0.0.1:4102'),
    SCHEDULING_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(1_500),
    TELEPHONY_WEBHOOK_SECRETS: secrets,
    TWILIO_AUTH_TOKEN: z.string().min(16, 'must be the Twilio account auth token').optional(),
    CALL_ROUTING_DEMO_DATA: demoDataSwitch,
  })
  .refine((env) => env.PUBLIC_PORT === 0 || env.PUBLIC_PORT !== env.PORT, {
    path: ['PUBLIC_PORT'],
    message: 'must differ from PORT: the telephony webhooks have a listener of their own',
  });

/** The call-routing service's environment, validated once at boot; every wrong variable is named at once. */
export class CallRoutingConfig {
  private constructor(
    readonly port: number,
    readonly publicPort: number,
    readonly host: string,
    readonly databaseUrl: string,
    readonly kafkaBrokers: string[],
    readonly consumerGroup: string,
    readonly trust: PlatformTrust,
    readonly telephony: TelephonySettings,
    readonly dependencies: DependencySettings,
    /** Give the demo practices' sites a line and a phone-booking motif, when call routing holds no line yet. */
    readonly loadDemoData: boolean,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv): CallRoutingConfig {
    const c = parseServiceEnv('call-routing', schema, env);
    return new CallRoutingConfig(
      c.PORT,
      c.PUBLIC_PORT,
      c.HOST,
      c.DATABASE_URL,
      c.KAFKA_BROKERS.split(','),
      c.KAFKA_CONSUMER_GROUP,
      platformTrustOf(c),
      {
        publicBaseUrl: (c.PUBLIC_BASE_URL ?? `http://${c.HOST}:${c.PUBLIC_PORT}`).replace(/\/$/, ''),
        webhookSecrets: c.TELEPHONY_WEBHOOK_SECRETS,
        twilioAuthToken: c.TWILIO_AUTH_TOKEN ?? null,
      },
      {
        directoryInternalUrl: c.DIRECTORY_INTERNAL_URL,
        schedulingInternalUrl: c.SCHEDULING_INTERNAL_URL,
        schedulingTimeoutMs: c.SCHEDULING_TIMEOUT_MS,
        servicePrivateKey: c.SERVICE_PRIVATE_KEY,
      },
      c.CALL_ROUTING_DEMO_DATA === 'load',
    );
  }

  /** Safe to log: secrets and the database password never appear. */
  toJSON(): Record<string, unknown> {
    return {
      ...describeServiceEnv(this),
      publicPort: this.publicPort,
      consumerGroup: this.consumerGroup,
      publicBaseUrl: this.telephony.publicBaseUrl,
      webhookSecrets: `${this.telephony.webhookSecrets.length} × ***`,
      twilio: this.telephony.twilioAuthToken ? 'on' : 'off',
      directoryInternalUrl: this.dependencies.directoryInternalUrl,
      schedulingInternalUrl: this.dependencies.schedulingInternalUrl,
      schedulingTimeoutMs: this.dependencies.schedulingTimeoutMs,
      loadDemoData: this.loadDemoData,
    };
  }
}

/** How telephony platforms reach the service and prove who they are. */
export interface TelephonySettings {
  /** The public origin the platform calls (the gateway's), which Twilio signs and action URLs start with. */
  publicBaseUrl: string;
  /** HMAC secrets of the neutral webhook: the current one first, then the previous during a rotation. */
  webhookSecrets: string[];
  /** Twilio's auth token; null: the Twilio adapter answers 404. */
  twilioAuthToken: string | null;
}

export interface DependencySettings {
  directoryInternalUrl: string;
  schedulingInternalUrl: string;
  /** Past this, a self-service step degrades to taking a message (CAL-7). */
  schedulingTimeoutMs: number;
  servicePrivateKey: string;
}
