import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { isAlive } from '../src/child-process';
import { startLocalKafka } from '../src/kafka/local-kafka';

describe('startLocalKafka', () => {
  it('runs a broker that accepts topics and messages, and leaves no process behind when stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafka-spec-'));
    const kafka = await startLocalKafka(dir);
    const client = new Kafka({ clientId: 'spec', brokers: [kafka.brokers], logLevel: logLevel.NOTHING });
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'spec.topic', numPartitions: 1 }], waitForLeaders: true });
    const producer = client.producer();
    await producer.connect();
    const [meta] = await producer.send({ topic: 'spec.topic', messages: [{ key: 'k', value: 'v' }] });
    expect(meta.errorCode).toBe(0);
    await producer.disconnect();
    await admin.disconnect();

    const pids = require('node:child_process')
      .execSync(`pgrep -f "${dir}" || true`, { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
    expect(pids.length).toBeGreaterThan(0);
    await kafka.stop();
    expect(pids.filter(isAlive)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
