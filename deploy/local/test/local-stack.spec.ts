import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicKeyOf } from '@msp/auth';
import { dropDatabase, isAlive } from '@msp/infra';
import { expectEventually, testKafkaBrokers, testPostgresAdminUrl, uniqueSuffix } from '@msp/testing';
import { Client } from 'pg';
import { LocalStack } from '../src/local-stack';
import { ServiceDefinition } from '../src/services';

const FAKE = join(__dirname, 'fixtures', 'fake-service.js');

/** The launcher's orchestration with stand-in services (test/fixtures/fake-service.js) on the test PostgreSQL and Kafka. */
describe('LocalStack with stand-in services', () => {
  let dataDir: string;
  let stack: LocalStack | undefined;
  const suffix = uniqueSuffix();
  const subgraphName = `fake-sub-${suffix}`;
  const services: ServiceDefinition[] = [
    { name: 'fake-gateway', entry: FAKE, role: 'gateway', database: false, order: 100 },
    {
      name: subgraphName,
      entry: FAKE,
      role: 'subgraph',
      database: true,
      order: 10,
      internalUrlVariable: 'FAKE_SUB_INTERNAL_URL',
      demoData: {
        variable: 'FAKE_SUB_DEMO_DATA',
        skippedWhenRowsIn: { table: 'demo_marker', described: 'markers' },
        contents: 'one marker',
      },
    },
  ];

  const stackWith = (fakeServices: Record<string, { mode: string }>, readyTimeoutMs = 20_000, demoData = true) =>
    new LocalStack({
      dataDir,
      workspaceRoot: '/nonexistent',
      services,
      readyTimeoutMs,
      demoData,
      env: {
        ...process.env,
        DATABASE_URL: testPostgresAdminUrl(),
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        FAKE_SERVICES: JSON.stringify(fakeServices),
        FAKE_RECORD_DIR: dataDir,
        PORT: '',
      },
    });
  const record = (name: string) => JSON.parse(readFileSync(join(dataDir, `${name}.json`), 'utf8'));

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'local-stack-spec-'));
  });
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterAll(() => dropDatabase(testPostgresAdminUrl(), `msp_fake_sub_${suffix}`));

  it('starts subgraphs before the gateway, wires their URLs and databases, and stops every process', async () => {
    stack = stackWith({});
    const summary = await stack.start();

    const sub = record(subgraphName);
    const gateway = record('fake-gateway');
    expect(sub.env.DATABASE_URL).toMatch(new RegExp(`/msp_fake_sub_${suffix}$`));
    expect(sub.env).toMatchObject({
      SERVICE_NAME: subgraphName,
      HOST: '127.0.0.1',
      KAFKA_BROKERS: testKafkaBrokers().join(','),
    });
    expect(gateway.env.DATABASE_URL).toBeUndefined();
    expect(gateway.env.GATEWAY_SUBGRAPHS).toBe(`${subgraphName}=http://127.0.0.1:${sub.env.PORT}/graphql`);
    expect(gateway.subgraphsAnsweringAtBoot).toBe(true);
    // the gateway signs user contexts, the subgraph verifies them with the public half of the same pair
    expect(publicKeyOf(gateway.env.USER_CONTEXT_PRIVATE_KEY)).toBe(sub.env.USER_CONTEXT_PUBLIC_KEY);
    expect(sub.env.USER_CONTEXT_PRIVATE_KEY).toBeUndefined();
    // each signs its calls with its own key, which the subgraph knows by name
    expect(gateway.env.SERVICE_PRIVATE_KEY).not.toBe(sub.env.SERVICE_PRIVATE_KEY);
    expect(sub.env.SERVICE_PUBLIC_KEYS).toContain(`fake-gateway=${publicKeyOf(gateway.env.SERVICE_PRIVATE_KEY)}`);
    expect(sub.env.SERVICE_PUBLIC_KEYS).toContain(`${subgraphName}=${publicKeyOf(sub.env.SERVICE_PRIVATE_KEY)}`);
    expect(gateway.env.FAKE_SUB_INTERNAL_URL).toBe(`http://127.0.0.1:${sub.env.PORT}`);
    expect(sub.env.FAKE_SUB_INTERNAL_URL).toBeUndefined();

    const client = new Client({ connectionString: sub.env.DATABASE_URL });
    await client.connect(); // the service's own database exists
    await client.end();

    expect(summary.services.map((s) => s.service.definition.name)).toEqual([subgraphName, 'fake-gateway']);
    expect(summary.kafka.origin).toBe('KAFKA_BROKERS');
    expect(summary.topics.created.length + summary.topics.existing.length).toBeGreaterThanOrEqual(12);
    const pids = stack.pids.map((p) => p.pid);
    expect(pids.filter(isAlive)).toHaveLength(2);

    await stack.stop();
    expect(pids.filter(isAlive)).toEqual([]);
    expect(readFileSync(join(dataDir, 'logs', 'fake-gateway.log'), 'utf8')).toContain('SIGTERM, closing');
  });

  it('passes the demo switch to the service that declares it, and tells from its database whether it was empty', async () => {
    stack = stackWith({});
    const empty = await stack.start();
    expect(record(subgraphName).env.FAKE_SUB_DEMO_DATA).toBe('load');
    expect(record('fake-gateway').env).not.toHaveProperty('FAKE_SUB_DEMO_DATA');
    expect(empty.demoData).toEqual([expect.objectContaining({ service: subgraphName, outcome: 'loaded' })]);
    await stack.stop();

    // What the service's demo loader would have written: the next start finds data and says it was kept.
    const client = new Client({ connectionString: record(subgraphName).env.DATABASE_URL });
    await client.connect();
    await client.query('create table demo_marker (id int); insert into demo_marker values (1)');
    await client.end();
    stack = stackWith({});
    expect((await stack.start()).demoData).toEqual([expect.objectContaining({ outcome: 'kept' })]);
    await stack.stop();

    stack = stackWith({}, 20_000, false);
    expect((await stack.start()).demoData).toEqual([expect.objectContaining({ outcome: 'skipped' })]);
    expect(record(subgraphName).env.FAKE_SUB_DEMO_DATA).toBe('skip');
  });

  it('reports a service that dies after start, with its name', async () => {
    stack = stackWith({});
    await stack.start();
    const crashed = new Promise<string>((resolve) =>
      stack?.onServiceCrash((service, description) => resolve(`${service.definition.name}: ${description}`)),
    );
    const sub = stack.pids.find((p) => p.name === subgraphName);
    process.kill(sub?.pid as number, 'SIGKILL');
    await expect(crashed).resolves.toBe(`${subgraphName}: killed by SIGKILL`);
  });

  it('fails with the log path and its last lines when a service exits during start, and starts nothing after it', async () => {
    stack = stackWith({ [subgraphName]: { mode: 'exit' } });
    const failure = stack.start();
    await expect(failure).rejects.toThrow(new RegExp(`${subgraphName} stopped \\(exit code 3\\) before it was ready`));
    await expect(failure).rejects.toThrow(join(dataDir, 'logs', `${subgraphName}.log`));
    await expect(failure).rejects.toThrow(/boom, giving up/);
    expect(stack.pids.map((p) => p.name)).toEqual([subgraphName]);
  });

  it('gives up on a service that never becomes ready, pointing at its log', async () => {
    stack = stackWith({ [subgraphName]: { mode: 'never-ready' } }, 2_000);
    await expect(stack.start()).rejects.toThrow(
      /was not ready within 2 s \(http:\/\/127\.0\.0\.1:\d+\/health\/ready: HTTP 503\)\. Its log, .*fake-sub-.*\.log/,
    );
    const [{ pid }] = stack.pids;
    await stack.stop();
    expect(isAlive(pid)).toBe(false);
  });

  it('abandons a start when stopped meanwhile, and leaves nothing running', async () => {
    stack = stackWith({ [subgraphName]: { mode: 'never-ready' } }, 60_000);
    const starting = stack.start();
    await expectEventually(() => expect(stack?.pids).toHaveLength(1));
    await stack.stop();
    await expect(starting).rejects.toThrow(/cancelled|Stop requested/);
    expect(stack.pids.map((p) => p.pid).filter(isAlive)).toEqual([]);
  });
});
