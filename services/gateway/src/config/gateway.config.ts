import { LOG_LEVELS, LogLevel } from '@msp/observability';
import { z } from 'zod';
import { InvalidConfigError } from './invalid-config.error';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

const SUBGRAPH_NAME = /^[a-z][a-z0-9_-]*$/i;

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const subgraphs = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const endpoints = list(value).map((entry): SubgraphEndpoint => {
      const separator = entry.indexOf('=');
      const name = entry.slice(0, Math.max(separator, 0)).trim();
      const url = entry.slice(separator + 1).trim();
      if (separator < 0 || !SUBGRAPH_NAME.test(name) || !isHttpUrl(url)) {
        ctx.addIssue({
          code: 'custom',
          message: `entry "${maskUrl(entry)}" must look like name=http://host:port/graphql`,
        });
      }
      return { name, url };
    });
    const names = endpoints.map((e) => e.name);
    for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) {
      ctx.addIssue({ code: 'custom', message: `subgraph "${name}" is listed twice` });
    }
    return endpoints;
  });

const schema = z.object({
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a port number between 0 and 65535')
    .transform(Number)
    .refine((port) => port <= 65535, 'must be a port number between 0 and 65535')
    .default('4000'),
  HOST: z.string().default('127.0.0.1'),
  GATEWAY_SUBGRAPHS: subgraphs,
  CORS_ORIGINS: z.string().optional().transform(list),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
});

/** Everything the gateway reads from its environment, validated once at boot. */
export class GatewayConfig {
  private constructor(
    readonly port: number,
    readonly host: string,
    readonly subgraphs: readonly SubgraphEndpoint[],
    readonly corsOrigins: readonly string[],
    readonly logLevel: LogLevel,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
    // An exported-but-empty variable means "not set", as in most shells' `VAR= cmd`.
    const present = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, env[key] || undefined]));
    const parsed = schema.safeParse(present);
    if (!parsed.success) {
      throw new InvalidConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    }
    const { PORT, HOST, GATEWAY_SUBGRAPHS, CORS_ORIGINS, LOG_LEVEL } = parsed.data;
    return new GatewayConfig(PORT, HOST, GATEWAY_SUBGRAPHS, CORS_ORIGINS, LOG_LEVEL);
  }

  /** What logging the config shows: credentials inside subgraph URLs are masked. */
  toJSON(): Record<string, unknown> {
    return {
      port: this.port,
      host: this.host,
      subgraphs: this.subgraphs.map(({ name, url }) => ({ name, url: maskUrl(url) })),
      corsOrigins: this.corsOrigins,
      logLevel: this.logLevel,
    };
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function maskUrl(value: string): string {
  return value.replace(/\/\/[^/@\s]+@/, '//***@');
}
