import { DEV_AUDIENCE, DEV_ISSUER, isEncodedKey } from '@msp/auth';
import { readFileSync } from 'node:fs';
import { LOG_LEVELS, LogLevel } from '@msp/observability';
import { inspect } from 'node:util';
import { z } from 'zod';
import { InvalidConfigError } from './invalid-config.error';
import { Secret } from './secret';
import { commaList, isHttpUrl, maskUrl, SubgraphEndpoint, subgraphEndpoints } from './subgraph-endpoints';

export type { SubgraphEndpoint } from './subgraph-endpoints';

/**
 * An external OpenID Connect issuer (a structure's Keycloak, Pro Santé Connect) whose subjects the directory maps to
 * members (ADR 0019): by an explicit link, the RPPS claim, or a verified e-mail.
 */
export interface ExternalIssuer {
  /** `iss` of its tokens, exactly. */
  issuer: string;
  audience: string;
  jwksUri: string;
  /** The claim carrying the RPPS number (Keycloak: a mapped user attribute; PSC: `SubjectNameID`); none: not matched. */
  rppsClaim?: string;
  /** Whether an `email` claim with `email_verified: true` may find the member (default true). */
  matchVerifiedEmail: boolean;
  /** jose's JWKS cooldown: how soon after a fetch an unknown `kid` fetches the keys again (default 30 s). */
  jwksCooldownMs?: number;
}

/** How the gateway establishes who calls: present whenever it fronts subgraphs. */
export interface FrontDoorAuth {
  /** The platform's own issuer, whose subjects are member ids (the development issuer locally). */
  issuer: string;
  audience: string;
  /** Absent when only external issuers are trusted. */
  jwksUri?: string;
  externalIssuers: readonly ExternalIssuer[];
  /** The gateway's own Ed25519 key signing the user context sent to subgraphs; they hold only its public half. */
  userContextPrivateKey: Secret;
  /** The gateway's own Ed25519 key signing its calls to other services' internal APIs (as service "gateway"). */
  servicePrivateKey: Secret;
  /** Base URL of the directory's internal API, which knows each member's structures, roles and sites. */
  directoryInternalUrl: string;
}

/** How the gateway keeps answering when a service is slow or away (ADR 0011). */
export interface Degradation {
  /** A subgraph not answering within this delay leaves its part of the answer null, with an UNAVAILABLE error. */
  subgraphTimeoutMs: number;
  /** A member's context from the directory is reused this long without asking again. */
  memberContextTtlMs: number;
  /**
   * While the directory cannot be reached, a member's context last verified within this delay is still served, provided
   * the directory's member events are heard (KAFKA_BROKERS); 0 turns this off.
   */
  memberContextMaxStaleMs: number;
}

/** The variables naming a service's public listener, which the gateway's public routes forward to. */
export type PublicUpstreamVariable = 'SCHEDULING_PUBLIC_URL' | 'CALL_ROUTING_PUBLIC_URL';

/** The web console the gateway serves on its origin (services/console, built by Vite). */
export interface ConsoleSettings {
  /** The build's folder (`services/console/dist`). */
  dir: string;
  /** The OpenID Connect issuer the console signs in with (authorization code + PKCE); unset, sign-in is unavailable. */
  authority?: string;
  /** The console's client id at that issuer. */
  clientId: string;
}

/** Refused before any subgraph is called. */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

const httpUrl = z.string().refine(isHttpUrl, 'must be an http:// or https:// URL').optional();
const privateKey = z
  .string()
  .refine((v) => isEncodedKey(v, 'private'), 'must be an Ed25519 private key (base64url PKCS#8 DER or PEM)')
  .optional();
const externalIssuer = z
  .object({
    issuer: z.string().refine(isHttpUrl, 'issuer must be an http:// or https:// URL'),
    audience: z.string().min(1, 'audience is required'),
    jwksUri: z.string().refine(isHttpUrl, 'jwksUri must be an http:// or https:// URL'),
    rppsClaim: z.string().min(1).optional(),
    matchVerifiedEmail: z.boolean().default(true),
    jwksCooldownMs: z.number().int().min(0).max(3_600_000).optional(),
  })
  .strict();
/** A JSON array of issuers, e.g. `[{"issuer":"https://kc/realms/msp","audience":"msp-platform","jwksUri":…}]`. */
const externalIssuers = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (!text) return [];
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of issuers' });
      return z.NEVER;
    }
    const parsed = z.array(externalIssuer).safeParse(value);
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      ctx.addIssue({ code: 'custom', message: `entry ${String(issue.path[0] ?? '')}: ${issue.message}` });
      return z.NEVER;
    }
    const seen = new Set<string>();
    for (const { issuer } of parsed.data) {
      if (seen.has(issuer)) ctx.addIssue({ code: 'custom', message: `issuer ${issuer} is listed twice` });
      seen.add(issuer);
    }
    return parsed.data as ExternalIssuer[];
  });

const count = (fallback: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number between 1 and ${max}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `must be a whole number between 1 and ${max}`)
    .prefault(String(fallback));

const millis = (fallback: number, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a number of milliseconds between ${min} and ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a number of milliseconds between ${min} and ${max}`)
    .prefault(String(fallback));

const schema = z.object({
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a port number between 0 and 65535')
    .transform(Number)
    .refine((port) => port <= 65535, 'must be a port number between 0 and 65535')
    .prefault('4000'),
  HOST: z.string().default('127.0.0.1'),
  GATEWAY_SUBGRAPHS: subgraphEndpoints,
  GATEWAY_SUPERGRAPH_FILE: z.string().optional(),
  CORS_ORIGINS: z.string().optional().transform(commaList),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  AUTH_ISSUER: z.string().default(DEV_ISSUER),
  AUTH_AUDIENCE: z.string().default(DEV_AUDIENCE),
  AUTH_JWKS_URI: httpUrl,
  AUTH_EXTERNAL_ISSUERS: externalIssuers,
  USER_CONTEXT_PRIVATE_KEY: privateKey,
  /** A file holding USER_CONTEXT_PRIVATE_KEY (PEM or base64url), for secret stores that mount files. */
  USER_CONTEXT_PRIVATE_KEY_FILE: z.string().optional(),
  SERVICE_PRIVATE_KEY: privateKey,
  DIRECTORY_INTERNAL_URL: httpUrl,
  SCHEDULING_PUBLIC_URL: httpUrl,
  CALL_ROUTING_PUBLIC_URL: httpUrl,
  GRAPHQL_MAX_DEPTH: count(10, 100),
  GRAPHQL_MAX_COST: count(5000, 1_000_000),
  GATEWAY_SUBGRAPH_TIMEOUT_MS: millis(5_000, 100, 600_000),
  GATEWAY_MEMBER_CONTEXT_TTL_MS: millis(30_000, 0, 3_600_000),
  GATEWAY_MEMBER_CONTEXT_MAX_STALE_MS: millis(900_000, 0, 86_400_000),
  KAFKA_BROKERS: z.string().optional().transform(commaList),
  CONSOLE_DIR: z.string().optional(),
  CONSOLE_OIDC_AUTHORITY: httpUrl,
  CONSOLE_OIDC_CLIENT_ID: z
    .string()
    .regex(/^[\w.-]{1,100}$/, 'must be a client id (letters, digits, . _ -)')
    .default('msp-console'),
});

type Variable = keyof typeof schema.shape;
const VARIABLES = Object.keys(schema.shape) as Variable[];
/** Without these a gateway in front of subgraphs could not tell who calls, so it refuses to start. */
const REQUIRED_WITH_SUBGRAPHS: Variable[] = [
  'AUTH_JWKS_URI',
  'USER_CONTEXT_PRIVATE_KEY',
  'SERVICE_PRIVATE_KEY',
  'DIRECTORY_INTERNAL_URL',
];

/** Everything the gateway reads from its environment, validated once at boot. */
export class GatewayConfig {
  readonly port: number;
  readonly host: string;
  readonly subgraphs: readonly SubgraphEndpoint[];
  /** A supergraph composed ahead of time (`npm run compose`); replaces composition at startup. */
  readonly supergraphFile?: string;
  readonly corsOrigins: readonly string[];
  readonly logLevel: LogLevel;
  readonly limits: QueryLimits;
  readonly degradation: Degradation;
  /** Where the directory's member events are read; without them no stale member context is ever served. */
  readonly kafkaBrokers: readonly string[];
  /** Set whenever the gateway fronts subgraphs; the local schema is public. */
  readonly auth?: FrontDoorAuth;
  /** The public listeners the public routes forward to (`src/public/public-routes.ts`); a route without one answers 404. */
  readonly publicUpstreams: Readonly<Record<PublicUpstreamVariable, string | undefined>>;
  /** Set when `CONSOLE_DIR` is: the console is served at `/` (`src/console/`). */
  readonly console?: ConsoleSettings;

  private constructor(env: z.infer<typeof schema>) {
    this.port = env.PORT;
    this.host = env.HOST;
    this.subgraphs = env.GATEWAY_SUBGRAPHS;
    this.supergraphFile = env.GATEWAY_SUPERGRAPH_FILE;
    this.corsOrigins = env.CORS_ORIGINS;
    this.logLevel = env.LOG_LEVEL;
    this.limits = { maxDepth: env.GRAPHQL_MAX_DEPTH, maxCost: env.GRAPHQL_MAX_COST };
    this.publicUpstreams = {
      SCHEDULING_PUBLIC_URL: env.SCHEDULING_PUBLIC_URL,
      CALL_ROUTING_PUBLIC_URL: env.CALL_ROUTING_PUBLIC_URL,
    };
    this.degradation = {
      subgraphTimeoutMs: env.GATEWAY_SUBGRAPH_TIMEOUT_MS,
      memberContextTtlMs: env.GATEWAY_MEMBER_CONTEXT_TTL_MS,
      memberContextMaxStaleMs: env.GATEWAY_MEMBER_CONTEXT_MAX_STALE_MS,
    };
    this.kafkaBrokers = env.KAFKA_BROKERS;
    if (env.CONSOLE_DIR)
      this.console = {
        dir: env.CONSOLE_DIR,
        authority: env.CONSOLE_OIDC_AUTHORITY,
        clientId: env.CONSOLE_OIDC_CLIENT_ID,
      };
    if (this.federated) this.auth = frontDoorAuth(env);
  }

  /** True when the gateway serves subgraphs (composed at startup or from a supergraph file). */
  get federated(): boolean {
    return this.subgraphs.length > 0 || this.supergraphFile !== undefined;
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
    // An exported-but-empty variable means "not set", as in most shells' `VAR= cmd`.
    const present = Object.fromEntries(VARIABLES.map((key) => [key, env[key] || undefined]));
    const problems = readKeyFile(present, 'USER_CONTEXT_PRIVATE_KEY');
    const parsed = schema.safeParse(present);
    if (!parsed.success)
      problems.push(...parsed.error.issues.map((i) => ({ key: String(i.path[0]), message: i.message })));
    if (present.GATEWAY_SUBGRAPHS || present.GATEWAY_SUPERGRAPH_FILE) {
      // Trusting only external issuers (Keycloak, PSC) is a complete setup: no member-id issuer is needed then.
      const needed = present.AUTH_EXTERNAL_ISSUERS
        ? REQUIRED_WITH_SUBGRAPHS.filter((k) => k !== 'AUTH_JWKS_URI')
        : REQUIRED_WITH_SUBGRAPHS;
      for (const key of needed.filter((k) => !present[k] && !present[`${k}_FILE`])) {
        problems.push({ key, message: 'is required when GATEWAY_SUBGRAPHS or GATEWAY_SUPERGRAPH_FILE is set' });
      }
    }
    if (parsed.success && parsed.data.AUTH_JWKS_URI) {
      const { AUTH_ISSUER } = parsed.data;
      // One issuer is either the platform's own (subjects are member ids) or external (subjects are matched): not both.
      if (parsed.data.AUTH_EXTERNAL_ISSUERS.some((i) => i.issuer === AUTH_ISSUER))
        problems.push({ key: 'AUTH_EXTERNAL_ISSUERS', message: `issuer ${AUTH_ISSUER} is also AUTH_ISSUER` });
    }
    if (!parsed.success || problems.length > 0) {
      const order = (key: string) => VARIABLES.indexOf(key as Variable);
      problems.sort((a, b) => order(a.key) - order(b.key));
      throw new InvalidConfigError(problems.map(({ key, message }) => `${key}: ${message}`));
    }
    return new GatewayConfig(parsed.data);
  }

  /** What logging the config shows: secrets and credentials inside URLs are masked. */
  toJSON(): Record<string, unknown> {
    return {
      port: this.port,
      host: this.host,
      subgraphs: this.subgraphs.map(({ name, url }) => ({ name, url: maskUrl(url) })),
      supergraphFile: this.supergraphFile,
      corsOrigins: this.corsOrigins,
      logLevel: this.logLevel,
      limits: this.limits,
      publicUpstreams: Object.fromEntries(
        Object.entries(this.publicUpstreams).map(([name, url]) => [name, url && maskUrl(url)]),
      ),
      degradation: this.degradation,
      kafkaBrokers: this.kafkaBrokers,
      console: this.console && {
        ...this.console,
        authority: this.console.authority && maskUrl(this.console.authority),
      },
      auth: this.auth && {
        ...this.auth,
        jwksUri: this.auth.jwksUri && maskUrl(this.auth.jwksUri),
        externalIssuers: this.auth.externalIssuers.map((i) => ({ ...i, jwksUri: maskUrl(i.jwksUri) })),
        userContextPrivateKey: this.auth.userContextPrivateKey.toJSON(),
        servicePrivateKey: this.auth.servicePrivateKey.toJSON(),
        directoryInternalUrl: maskUrl(this.auth.directoryInternalUrl),
      },
    };
  }

  /** `console.log` / `util.inspect` show the masked view too. */
  [inspect.custom](): Record<string, unknown> {
    return this.toJSON();
  }
}

/** The authentication settings, all present (fromEnv refused the configuration otherwise). */
function frontDoorAuth(env: z.infer<typeof schema>): FrontDoorAuth | undefined {
  const { AUTH_JWKS_URI, USER_CONTEXT_PRIVATE_KEY, SERVICE_PRIVATE_KEY, DIRECTORY_INTERNAL_URL } = env;
  if (!USER_CONTEXT_PRIVATE_KEY || !SERVICE_PRIVATE_KEY || !DIRECTORY_INTERNAL_URL) return undefined;
  if (!AUTH_JWKS_URI && !env.AUTH_EXTERNAL_ISSUERS.length) return undefined;
  return {
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    jwksUri: AUTH_JWKS_URI,
    externalIssuers: env.AUTH_EXTERNAL_ISSUERS,
    userContextPrivateKey: new Secret(USER_CONTEXT_PRIVATE_KEY),
    servicePrivateKey: new Secret(SERVICE_PRIVATE_KEY),
    directoryInternalUrl: DIRECTORY_INTERNAL_URL,
  };
}

/**
 * `<KEY>_FILE` names a file holding `<KEY>`: its content takes the variable's place (both set is a mistake, refused).
 * Returns the problems, naming the variable and never the content.
 */
function readKeyFile(
  present: Record<string, string | undefined>,
  key: Variable,
): Array<{ key: string; message: string }> {
  const file = present[`${key}_FILE`];
  if (!file) return [];
  if (present[key]) return [{ key, message: `set either ${key} or ${key}_FILE, not both` }];
  try {
    present[key] = readFileSync(file, 'utf8').trim();
    return [];
  } catch (error) {
    return [{ key: `${key}_FILE`, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` }];
  }
}
