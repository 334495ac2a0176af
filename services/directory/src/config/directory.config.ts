import { z } from 'zod';

const secret = z.string().min(32, 'must be at least 32 characters');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4101),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url('must be a postgres:// URL'),
  KAFKA_BROKERS: z.string().min(1, 'must list at least one host:port'),
  USER_CONTEXT_SECRET: secret,
  INTERNAL_SERVICE_SECRET: secret,
  DIRECTORY_DEMO_DATA: z
    .enum(['load', 'skip'], { errorMap: () => ({ message: 'must be "load" or "skip"' }) })
    .default('skip'),
});

/** The directory's environment, validated once at boot; every wrong variable is named at once. */
export class DirectoryConfig {
  private constructor(
    readonly port: number,
    readonly host: string,
    readonly databaseUrl: string,
    readonly kafkaBrokers: string[],
    readonly userContextSecret: string,
    readonly internalServiceSecret: string,
    /** Load the demo directory at boot when the database holds no structure yet. */
    readonly loadDemoData: boolean,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv): DirectoryConfig {
    const parsed = schema.safeParse(env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
      throw new Error(`Invalid directory configuration:\n${lines.join('\n')}`);
    }
    const c = parsed.data;
    return new DirectoryConfig(
      c.PORT,
      c.HOST,
      c.DATABASE_URL,
      c.KAFKA_BROKERS.split(','),
      c.USER_CONTEXT_SECRET,
      c.INTERNAL_SERVICE_SECRET,
      c.DIRECTORY_DEMO_DATA === 'load',
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
      loadDemoData: this.loadDemoData,
      secrets: '***',
    };
  }
}
