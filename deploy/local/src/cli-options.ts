export interface CliOptions {
  help: boolean;
  /** Services load their demo data into empty databases (default); `--no-demo-data` leaves them empty. */
  demoData: boolean;
  /** Also start Keycloak with the demo realm, trusted by the gateway beside the development issuer (ADR 0019). */
  keycloak: boolean;
}

export const USAGE = `Usage: npm start [-- --no-demo-data] [-- --keycloak]
       node deploy/local/dist/main.js [--no-demo-data] [--keycloak] [--help]

Starts PostgreSQL, Kafka and every service on this machine, waits until each answers, then prints where they run.

  --no-demo-data   do not load the demo MSP into empty databases
  --keycloak       also run Keycloak (deploy/keycloak/realm-msp.json; the first run downloads it with Maven)
                   and let the gateway trust it beside the development issuer
  --help           this text

Environment: DATABASE_URL, KAFKA_BROKERS, MSP_DATA_DIR, PORT (gateway), LOG_LEVEL, LOG_PRETTY, CORS_ORIGINS,
KEYCLOAK_PORT, KEYCLOAK_JAVA_HOME.
See README.md.`;

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${USAGE}`);
    this.name = 'UsageError';
  }
}

export function parseCliOptions(argv: readonly string[]): CliOptions {
  const options: CliOptions = { help: false, demoData: true, keycloak: false };
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--no-demo-data') options.demoData = false;
    else if (arg === '--keycloak') options.keycloak = true;
    else throw new UsageError(`Unknown argument "${arg}".`);
  }
  return options;
}
