import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { expectEventually, faultKafka, faultPostgres, testKafkaBrokers, testPostgresAdminUrl } from '../../src';

async function postgresAnswers(): Promise<boolean> {
  const client = new Client({ connectionString: testPostgresAdminUrl(), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function kafkaAnswers(): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'fault-probe',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 2_000,
  }).admin();
  try {
    await admin.connect();
    return (await admin.listTopics()).length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

describe('the fault suite infrastructure', () => {
  it('is private: never the shared PostgreSQL on 127.0.0.1:5432', () => {
    expect(new URL(testPostgresAdminUrl()).port).not.toBe('5432');
    expect(testPostgresAdminUrl()).toBe(faultPostgres.adminUrl());
    expect(testKafkaBrokers()).toEqual(faultKafka.brokers());
  });

  it('stops PostgreSQL (connections refused) and starts it again at the same address', async () => {
    expect(await postgresAnswers()).toBe(true);
    await faultPostgres.stop();
    expect(await postgresAnswers()).toBe(false);
    await faultPostgres.start();
    expect(await postgresAnswers()).toBe(true);
  });

  it('stops Kafka and starts it again at the same address with its topics', async () => {
    expect(await kafkaAnswers()).toBe(true);
    await faultKafka.stop();
    expect(await kafkaAnswers()).toBe(false);
    await faultKafka.start();
    expect(await kafkaAnswers()).toBe(true);
  });

  it('pauses and resumes both', async () => {
    faultPostgres.pause();
    faultKafka.pause();
    try {
      expect(await postgresAnswers()).toBe(false);
      expect(await kafkaAnswers()).toBe(false);
    } finally {
      faultPostgres.resume();
      faultKafka.resume();
    }
    await expectEventually(async () => expect(await postgresAnswers()).toBe(true), 60_000, 500);
    await expectEventually(async () => expect(await kafkaAnswers()).toBe(true), 60_000, 500);
  });
});
