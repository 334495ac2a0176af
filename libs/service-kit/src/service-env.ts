import { isEncodedKey } from '@msp/auth';
import { redactUrl } from '@msp/infra';
import { parseCallerKeys } from '@msp/messaging';
import { z } from 'zod';

const publicKey = z
  .string()
  .refine((v) => isEncodedKey(v, 'public'), 'must be an Ed25519 public key (base64url SPKI DER or PEM)');
const privateKey = z
  .string()
  .refine((v) => isEncodedKey(v, 'private'), 'must be an Ed25519 private key (base64url PKCS#8 DER or PEM)');
const callerKeys = z.string().superRefine((value, context) => {
  try {
    if (parseCallerKeys(value).size === 0)
      context.addIssue({ code: 'custom', message: 'must list at least one name=key' });
  } catch (error) {
    context.addIssue({ code: 'custom', message: `must be name=key pairs separated by commas (${firstLine(error)})` });
  }
});
const onOff = z.enum(['on', 'off'], { error: 'must be "on" or "off"' });

/** Another service's or the public origin's URL: http(s) only (`z.string().url()` would take `directory:4101`). */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' });

/** The variables every business service reads, as the local stack and deployments set them. */
export function platformServiceEnv(defaultPort: number) {
  return z.object({
    PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.string().url('must be a postgres:// URL'),
    KAFKA_BROKERS: z.string().min(1, 'must list at least one host:port'),
    /** The gateway's public key: verifies the user context, cannot sign one. */
    USER_CONTEXT_PUBLIC_KEY: publicKey,
    /** This service's own key: signs its calls to other services' internal APIs. */
    SERVICE_PRIVATE_KEY: privateKey,
    /** `name=public key` of every service that may call this one's internal API (routes narrow it further). */
    SERVICE_PUBLIC_KEYS: callerKeys,
    /** Development aids of the internal API (a member looked up by e-mail): off unless the development stack says on. */
    INTERNAL_DEVELOPMENT_ROUTES: onOff.default('off'),
  });
}

/** How a service recognises the gateway's users and the services that call it, and signs its own calls. */
export interface PlatformTrust {
  userContextPublicKey: string;
  servicePrivateKey: string;
  servicePublicKeys: string;
  developmentRoutes: boolean;
}

export function platformTrustOf(env: z.infer<ReturnType<typeof platformServiceEnv>>): PlatformTrust {
  return {
    userContextPublicKey: env.USER_CONTEXT_PUBLIC_KEY,
    servicePrivateKey: env.SERVICE_PRIVATE_KEY,
    servicePublicKeys: env.SERVICE_PUBLIC_KEYS,
    developmentRoutes: env.INTERNAL_DEVELOPMENT_ROUTES === 'on',
  };
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
  trust?: PlatformTrust;
}) {
  return {
    port: config.port,
    host: config.host,
    databaseUrl: redactUrl(config.databaseUrl),
    kafkaBrokers: config.kafkaBrokers,
    keys: '***',
    developmentRoutes: config.trust?.developmentRoutes ?? false,
  };
}

/** The reason without the value: key material never reaches an error message. */
function firstLine(error: unknown): string {
  const message = (error as Error).message.split('\n')[0];
  return message.includes(' is not an Ed25519') ? message.replace(/ is not .*/, ' is not a valid key') : message;
}
