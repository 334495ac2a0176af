import { redactUrl } from '@msp/infra';
import { z } from 'zod';

const secret = z.string().min(32, 'must be at least 32 characters');

/** The variables every business service reads, as the local stack and deployments set them. */
export function platformServiceEnv(defaultPort: number) {
  return z.object({
    PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.string().url('must be a postgres:// URL'),
    KAFKA_BROKERS: z.string().min(1, 'must list at least one host:port'),
    USER_CONTEXT_SECRET: secret,
    INTERNAL_SERVICE_SECRET: secret,
  });
}

/** A `<SERVICE>_DEMO_DATA` switch: `load` fills an empty database with demo data. */
export const demoDataSwitch = z.enum(['load', 'skip'], { error: 'must be "load" or "skip"' }).default('skip');

/** Validates a service's environment once at boot; every wrong variable is named at once. */
export function parseServiceEnv<S extends z.ZodTypeAny>(
  service: string,
  schema: S,
  env: NodeJS.ProcessEnv,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid ${service} configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The part of a service's configuration that is safe to log. */
export function describeServiceEnv(config: {
  port: number;
  host: string;
  databaseUrl: string;
  kafkaBrokers: string[];
}) {
  return {
    port: config.port,
    host: config.host,
    databaseUrl: redactUrl(config.databaseUrl),
    kafkaBrokers: config.kafkaBrokers,
    secrets: '***',
  };
}
