import { type ChildProcess, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { spawnTied, terminate } from '../child-process';
import { freePort } from '../free-port';
import { MissingPrerequisiteError } from '../missing-prerequisite.error';
import { waitUntil } from '../wait-until';
import { dataDir } from '../workspace-paths';

/** The Keycloak server distribution served by Maven Central (`org.keycloak:keycloak-quarkus-dist`); it needs Java 21+. */
export const KEYCLOAK_VERSION = '26.5.6';
const MIN_JAVA = 21;

/**
 * A Java home able to run Keycloak: `KEYCLOAK_JAVA_HOME`, else `JAVA_HOME` or the `java` on the PATH when it is 21 or
 * newer, else the newest such JDK under /usr/lib/jvm (Debian's default is 17 here, a Temurin 25 sits beside it).
 */
export function keycloakJavaHome(): string {
  const candidates = [
    process.env.KEYCLOAK_JAVA_HOME,
    process.env.JAVA_HOME,
    javaHomeOfPath(),
    ...jdksUnder('/usr/lib/jvm'),
  ].filter((home): home is string => !!home);
  for (const home of candidates) {
    const major = javaMajor(join(home, 'bin', 'java'));
    if (major !== undefined && major >= MIN_JAVA) return home;
  }
  throw new MissingPrerequisiteError(
    `Keycloak ${KEYCLOAK_VERSION} needs Java ${MIN_JAVA} or newer, and none was found.`,
    'install a JDK 21 (Debian: apt-get install openjdk-21-jre-headless) or set KEYCLOAK_JAVA_HOME to one.',
  );
}

function javaHomeOfPath(): string | undefined {
  const which = spawnSync('sh', ['-c', 'readlink -f "$(command -v java)"'], { encoding: 'utf8' });
  const java = which.status === 0 ? which.stdout.trim() : '';
  return java.endsWith('/bin/java') ? java.slice(0, -'/bin/java'.length) : undefined;
}

function jdksUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((home) => existsSync(join(home, 'bin', 'java')))
    .sort((a, b) => (javaMajor(join(b, 'bin', 'java')) ?? 0) - (javaMajor(join(a, 'bin', 'java')) ?? 0));
}

function javaMajor(java: string): number | undefined {
  if (!existsSync(java)) return undefined;
  const run = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${run.stderr ?? ''}${run.stdout ?? ''}`);
  if (!match) return undefined;
  // Java 8 and older print 1.x.
  return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

/**
 * Fetches Keycloak's server distribution from Maven Central once into a git-ignored cache and unpacks it; later calls
 * are offline and instant. Returns the Keycloak home (holding bin/kc.sh).
 */
export function ensureKeycloakDist(): string {
  const cache = join(dataDir(), 'cache', 'keycloak', KEYCLOAK_VERSION);
  const home = join(cache, `keycloak-${KEYCLOAK_VERSION}`);
  const marker = join(cache, '.complete');
  if (existsSync(marker)) return home;

  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new MissingPrerequisiteError(
      `Keycloak ${KEYCLOAK_VERSION} is not cached yet and Maven is not installed to fetch it.`,
      'install Maven (Debian: apt-get install maven).',
    );
  }
  mkdirSync(cache, { recursive: true });
  const fetch = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      'dependency:copy',
      `-Dartifact=org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:tar.gz`,
      `-DoutputDirectory=${cache}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: cache },
  );
  const archive = join(cache, `keycloak-quarkus-dist-${KEYCLOAK_VERSION}.tar.gz`);
  if (fetch.status !== 0 || !existsSync(archive)) {
    const output = `${fetch.stdout ?? ''}${fetch.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new MissingPrerequisiteError(
      `Could not download Keycloak ${KEYCLOAK_VERSION} from Maven Central (first run only).\n${output}`,
      'make Maven Central reachable (proxy settings in ~/.m2/settings.xml) for the first run.',
    );
  }
  const unpack = spawnSync('tar', ['xzf', archive, '-C', cache], { encoding: 'utf8' });
  if (unpack.status !== 0 || !existsSync(join(home, 'bin', 'kc.sh'))) {
    throw new Error(`Could not unpack ${archive}: ${unpack.stderr}`);
  }
  writeFileSync(marker, new Date().toISOString());
  return home;
}

export interface LocalKeycloakOptions {
  /** A realm export to import at start (e.g. deploy/keycloak/realm-msp.json). */
  realmFile: string;
  logFile: string;
  /** Free port chosen when absent. */
  port?: number;
  /** The master realm's administrator, for the admin REST API (default admin / admin: development only). */
  admin?: { username: string; password: string };
  /** Start-up budget: the first start also builds Keycloak's optimized image (default 240 s). */
  timeoutMs?: number;
}

export interface LocalKeycloak {
  /** http://127.0.0.1:<port> */
  url: string;
  /** `iss` of a realm's tokens, as Keycloak derives it from the address it is called at. */
  issuerOf(realm: string): string;
  jwksUriOf(realm: string): string;
  admin: { username: string; password: string };
  pid?: number;
  stop(): Promise<void>;
}

/**
 * Runs Keycloak in development mode (`start-dev`, in-memory database) on 127.0.0.1, with the realm imported. The
 * realm's state lives only as long as the process: every start is the committed realm, nothing else.
 */
export async function startLocalKeycloak(options: LocalKeycloakOptions): Promise<LocalKeycloak> {
  const javaHome = keycloakJavaHome();
  const home = ensureKeycloakDist();
  // `--import-realm` reads the distribution's data/import folder; the file there is always the committed realm.
  const importDir = join(home, 'data', 'import');
  mkdirSync(importDir, { recursive: true });
  copyFileSync(options.realmFile, join(importDir, basename(options.realmFile)));
  const port = options.port ?? (await freePort());
  const admin = options.admin ?? { username: 'admin', password: 'admin' };
  const child: ChildProcess = spawnTied(
    join(home, 'bin', 'kc.sh'),
    ['start-dev', '--db=dev-mem', '--import-realm', '--http-host=127.0.0.1', `--http-port=${port}`],
    options.logFile,
    {
      ...process.env,
      JAVA_HOME: javaHome,
      // Quarkus' thread-local reset needs this on Java 24 and later.
      JAVA_OPTS_APPEND: '--add-opens=java.base/java.lang=ALL-UNNAMED',
      KC_BOOTSTRAP_ADMIN_USERNAME: admin.username,
      KC_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const realm = (JSON.parse(readFileSync(options.realmFile, 'utf8')) as { realm: string }).realm;
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    await waitUntil(
      `Keycloak on ${url} (log ${options.logFile})`,
      async () => {
        if (exited) throw new Error(`Keycloak exited during start-up: see ${options.logFile}`);
        const response = await fetch(`${url}/realms/${realm}/.well-known/openid-configuration`);
        return response.ok ? true : undefined;
      },
      { timeoutMs: options.timeoutMs ?? 240_000, intervalMs: 1_000 },
    );
  } catch (error) {
    await terminate(child);
    throw error;
  }
  return {
    url,
    issuerOf: (name) => `${url}/realms/${name}`,
    jwksUriOf: (name) => `${url}/realms/${name}/protocol/openid-connect/certs`,
    admin,
    pid: child.pid,
    stop: () => terminate(child),
  };
}
