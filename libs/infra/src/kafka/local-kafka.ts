import { ChildProcess, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { spawnTied, terminate } from '../child-process';
import { freePort } from '../free-port';
import { waitUntil } from '../wait-until';
import { ensureKafkaJars, requireJava } from './kafka-jars';

export interface LocalKafka {
  brokers: string;
  logFile: string;
  /** The broker's process id (the fault suite pauses it with SIGSTOP/SIGCONT). */
  pid?: number;
  stop(): Promise<void>;
}

function serverProperties(dir: string, brokerPort: number, controllerPort: number): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${join(dir, 'kafka-logs')}`,
    'num.partitions=3',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    // Idempotent producers ask the transaction coordinator for their id: 50 partitions (the default) to create and load
    // on a broker's first start, for one broker.
    'transaction.state.log.num.partitions=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
}

/**
 * Runs a genuine single-node Apache Kafka (KRaft, broker + controller in one JVM) from the official jars, on free ports,
 * with its data in `dir` (kept between runs when the caller keeps the folder: the cluster id is stored beside it).
 */
export async function startLocalKafka(
  dir: string,
  ports: { broker?: number; controller?: number } = {},
): Promise<LocalKafka> {
  requireJava();
  const libs = ensureKafkaJars();
  mkdirSync(dir, { recursive: true });
  // Fixed ports let the fault suite restart a broker where its clients expect it.
  const brokerPort = ports.broker ?? (await freePort());
  const controllerPort = ports.controller ?? (await freePort());
  const propsFile = join(dir, 'server.properties');
  const log4j = join(dir, 'log4j.properties');
  const logFile = join(dir, 'kafka.log');
  writeFileSync(propsFile, serverProperties(dir, brokerPort, controllerPort));
  writeFileSync(
    log4j,
    [
      'log4j.rootLogger=WARN, file',
      'log4j.logger.kafka.server.KafkaRaftServer=INFO',
      'log4j.appender.file=org.apache.log4j.FileAppender',
      `log4j.appender.file.File=${logFile}`,
      'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
      '',
    ].join('\n'),
  );
  const classPath = `${libs}/*`;
  const clusterIdFile = join(dir, 'cluster-id');
  // Kafka cluster ids are 16 random bytes in URL-safe base64, as `kafka-storage random-uuid` prints them.
  // Like Kafka's own Uuid.randomUuid, never one starting with '-': the storage tool would read it as an option.
  if (!existsSync(clusterIdFile)) {
    let id: string;
    do id = randomBytes(16).toString('base64url');
    while (id.startsWith('-'));
    writeFileSync(clusterIdFile, id);
  }
  const clusterId = readFileSync(clusterIdFile, 'utf8').trim();
  const format = spawnSync(
    'java',
    [
      '-cp',
      classPath,
      `-Dlog4j.configuration=file:${log4j}`,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      propsFile,
      '--ignore-formatted',
    ],
    { encoding: 'utf8' },
  );
  if (format.status !== 0) throw new Error(`Kafka storage format failed: ${format.stderr || format.stdout}`);

  const child: ChildProcess = spawnTied(
    'java',
    [
      '-Xms256m',
      '-Xmx768m',
      '-XX:+UseSerialGC',
      '-Djava.net.preferIPv4Stack=true',
      '-cp',
      classPath,
      `-Dlog4j.configuration=file:${log4j}`,
      'kafka.Kafka',
      propsFile,
    ],
    join(dir, 'kafka.out'),
  );
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? code}`));
  const brokers = `127.0.0.1:${brokerPort}`;
  const admin = new Kafka({
    clientId: 'local-kafka-probe',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  }).admin();
  try {
    await waitUntil(
      `Kafka on ${brokers} (log: ${logFile})`,
      async () => {
        if (exited) throw new Error(`the broker ${exited}; see ${join(dir, 'kafka.out')}`);
        await admin.connect();
        const cluster = await admin.describeCluster();
        return cluster.brokers.length > 0 ? true : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
  } catch (error) {
    await terminate(child, 5_000);
    throw error;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  return { brokers, logFile, pid: child.pid, stop: () => terminate(child) };
}
