import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../workspace-paths';
import { MissingPrerequisiteError } from '../missing-prerequisite.error';

/** 3.9.x is the last line that still speaks the protocol versions kafkajs 2.2.4 uses (KIP-896 removed them in 4.0). */
export const KAFKA_VERSION = '3.9.1';

const POM = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.runtime</groupId><artifactId>kafka-broker</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${KAFKA_VERSION}</version></dependency>
    <dependency><groupId>ch.qos.reload4j</groupId><artifactId>reload4j</artifactId><version>1.2.25</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>1.7.36</version></dependency>
  </dependencies>
  <build><plugins><plugin>
    <groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version>
  </plugin></plugins></build>
</project>
`;

export function requireJava(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new MissingPrerequisiteError(
      'Java is not installed: the local Kafka broker runs on a JDK 17 or newer.',
      'install a JDK 17 (Debian: apt-get install openjdk-17-jre-headless), or set KAFKA_BROKERS to an existing broker.',
    );
  }
}

/**
 * Resolves Apache Kafka's jars from Maven Central once into a git-ignored cache; later calls are offline and instant.
 * Returns the folder holding the jars (a Java class path is `<folder>/*`).
 */
export function ensureKafkaJars(): string {
  const cache = join(dataDir(), 'cache', 'kafka', KAFKA_VERSION);
  const libs = join(cache, 'libs');
  const marker = join(cache, '.complete');
  if (existsSync(marker)) return libs;

  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new MissingPrerequisiteError(
      `Kafka ${KAFKA_VERSION} is not cached yet and Maven is not installed to fetch it.`,
      'install Maven (Debian: apt-get install maven), or set KAFKA_BROKERS to an existing broker.',
    );
  }
  mkdirSync(cache, { recursive: true });
  writeFileSync(join(cache, 'pom.xml'), POM);
  const resolve = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      join(cache, 'pom.xml'),
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${libs}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const hasBroker = existsSync(libs) && readdirSync(libs).some((f) => f.startsWith('kafka_2.13-'));
  if (resolve.status !== 0 || !hasBroker) {
    const output = `${resolve.stdout ?? ''}${resolve.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new MissingPrerequisiteError(
      `Could not download Kafka ${KAFKA_VERSION} from Maven Central (first run only).\n${output}`,
      'make Maven Central reachable (proxy settings in ~/.m2/settings.xml) for the first run, or set KAFKA_BROKERS.',
    );
  }
  writeFileSync(marker, new Date().toISOString());
  return libs;
}
