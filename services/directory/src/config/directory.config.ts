import {
  demoDataSwitch,
  describeServiceEnv,
  parseServiceEnv,
  platformServiceEnv,
  platformTrustOf,
  type PlatformTrust,
} from '@msp/service-kit';

const schema = platformServiceEnv(4101).extend({ DIRECTORY_DEMO_DATA: demoDataSwitch });

/** The directory's environment, validated once at boot; every wrong variable is named at once. */
export class DirectoryConfig {
  private constructor(
    readonly port: number,
    readonly host: string,
    readonly databaseUrl: string,
    readonly kafkaBrokers: string[],
    readonly trust: PlatformTrust,
    /** Load the demo directory at boot when the database holds no structure yet. */
    readonly loadDemoData: boolean,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv): DirectoryConfig {
    const c = parseServiceEnv('directory', schema, env);
    return new DirectoryConfig(
      c.PORT,
      c.HOST,
      c.DATABASE_URL,
      c.KAFKA_BROKERS.split(','),
      platformTrustOf(c),
      c.DIRECTORY_DEMO_DATA === 'load',
    );
  }

  /** Safe to log: secrets and the database password never appear. */
  toJSON(): Record<string, unknown> {
    return { ...describeServiceEnv(this), loadDemoData: this.loadDemoData };
  }
}
