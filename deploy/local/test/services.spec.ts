import { allTopics } from '@msp/contracts';
import { topicSpecs } from '@msp/infra';
import { staleViewsWarning } from '../src/boot-checks';
import {
  PlannedService,
  planPorts,
  publicPortKey,
  planService,
  PortPlanning,
  serviceEnv,
  StackContext,
  subgraphList,
} from '../src/service-env';
import { databaseName, DemoDataDeclaration, SERVICES, ServiceDefinition, startOrder } from '../src/services';
import type { StackKeys } from '../src/stack-secrets';

/** Stand-in key pairs: serviceEnv only hands them out. */
const pair = (name: string) => ({ privateKey: `private-of-${name}`, publicKey: `public-of-${name}` });
const KEYS: StackKeys = {
  userContext: pair('user-context'),
  services: Object.fromEntries(
    ['directory', 'scheduling', 'reminders', 'gateway', 'token-cli'].map((name) => [name, pair(name)]),
  ),
  secrets: { TELEPHONY_WEBHOOK_SECRETS: 'shared-with-the-telephony-platform' },
};

const subgraph = (name: string, order: number, database = true): ServiceDefinition => ({
  name,
  entry: `services/${name}/dist/main.js`,
  role: 'subgraph',
  database,
  order,
});
const demo = (variable: string, table = 'structure'): DemoDataDeclaration => ({
  variable,
  skippedWhenRowsIn: { table, described: `${table}s` },
  contents: 'a demo',
});
const publicListener = (upstreamVariable: string) => ({
  portVariable: 'PUBLIC_PORT',
  upstreamVariable,
  trustedProxiesVariable: 'PUBLIC_TRUSTED_PROXIES',
});
const gateway: ServiceDefinition = {
  name: 'gateway',
  entry: 'services/gateway/dist/main.js',
  role: 'gateway',
  database: false,
  order: 100,
  preferredPort: 4000,
  usesPortVariable: true,
};

/** Ports 4000 and 4001 are "taken"; free ports are handed out from 50000 upwards, with one duplicate thrown in. */
function fakePorts(taken = [4000, 4001]): PortPlanning {
  const handouts = [50000, 50000, 50001, 50002, 50003];
  return { isFree: async (port) => !taken.includes(port), anyFreePort: async () => handouts.shift() as number };
}

describe('service registry', () => {
  it('is valid and starts the gateway last', () => {
    const ordered = startOrder(SERVICES);
    expect(ordered.at(-1)?.role).toBe('gateway');
    expect(ordered.find((s) => s.name === 'gateway')).toMatchObject({
      entry: 'services/gateway/dist/main.js',
      database: false,
    });
  });

  it('orders by start order whatever the listing order', () => {
    expect(startOrder([gateway, subgraph('scheduling', 20), subgraph('directory', 10)]).map((s) => s.name)).toEqual([
      'directory',
      'scheduling',
      'gateway',
    ]);
  });

  it.each([
    [
      'a subgraph ordered after the gateway',
      [gateway, subgraph('scheduling', 100)],
      /subgraph "scheduling".*must start before gateway/,
    ],
    ['a duplicate name', [subgraph('scheduling', 10), subgraph('scheduling', 20)], /"scheduling" is listed twice/],
    ['a name that is not kebab-case', [subgraph('Call_Routing', 10)], /not a kebab-case name/],
    ['two gateways', [gateway, { ...gateway, name: 'gateway-two', usesPortVariable: false }], /only one gateway/],
    [
      'an internal URL variable that is not NAME_URL',
      [{ ...subgraph('directory', 10), internalUrlVariable: 'directoryUrl' }],
      /internalUrlVariable "directoryUrl" must be/,
    ],
    [
      'demo data on a service without a database',
      [{ ...subgraph('reminders', 10, false), demoData: demo('REMINDERS_DEMO_DATA') }],
      /"reminders" declares demo data but has no database/,
    ],
    [
      'a demo data variable that is not an upper-case name',
      [{ ...subgraph('directory', 10), demoData: demo('directoryDemo') }],
      /demo data variable "directoryDemo" must be an upper-case name/,
    ],
    [
      'two services declaring the same demo data variable',
      [
        { ...subgraph('directory', 10), demoData: demo('DEMO_DATA') },
        { ...subgraph('scheduling', 20), demoData: demo('DEMO_DATA') },
      ],
      /DEMO_DATA is used by two services/,
    ],
    [
      'a demo data table that is not a plain table name',
      [{ ...subgraph('directory', 10), demoData: demo('DIRECTORY_DEMO_DATA', 'structure; drop table x') }],
      /demo data table "structure; drop table x" must be/,
    ],
    [
      'two services announcing the same internal URL variable',
      [
        { ...subgraph('directory', 10), internalUrlVariable: 'X_URL' },
        { ...subgraph('scheduling', 20), internalUrlVariable: 'X_URL' },
      ],
      /X_URL is used by two services/,
    ],
    [
      'two public listeners announcing the same upstream variable',
      [
        { ...subgraph('scheduling', 20), publicListener: publicListener('X_PUBLIC_URL') },
        { ...subgraph('call-routing', 30), publicListener: publicListener('X_PUBLIC_URL') },
      ],
      /"scheduling": X_PUBLIC_URL is used by two services/,
    ],
  ])('refuses %s', (_label, services, message) => {
    expect(() => startOrder(services)).toThrow(message);
  });

  it("declares each service's demo data switch and the rule by which it keeps existing data", () => {
    const demo = Object.fromEntries(SERVICES.map((s) => [s.name, s.demoData]));
    // The services' loaders: the directory loads nothing once it holds a structure, scheduling once it holds a motif.
    expect(demo.directory).toMatchObject({
      variable: 'DIRECTORY_DEMO_DATA',
      skippedWhenRowsIn: { table: 'structure' },
    });
    expect(demo.scheduling).toMatchObject({ variable: 'SCHEDULING_DEMO_DATA', skippedWhenRowsIn: { table: 'motif' } });
    expect(demo.delegation).toMatchObject({
      variable: 'DELEGATION_DEMO_DATA',
      skippedWhenRowsIn: { table: 'protocol' },
    });
    expect(demo.coordination).toMatchObject({
      variable: 'COORDINATION_DEMO_DATA',
      skippedWhenRowsIn: { table: 'meeting' },
    });
    expect(demo.gateway).toBeUndefined();
    expect(SERVICES.filter((s) => s.eventFedViews).map((s) => s.name)).toEqual([
      'scheduling',
      'call-routing',
      'delegation',
      'coordination',
      'indicators',
    ]);
  });

  it('names one database per service, dashes as underscores', () => {
    expect(databaseName({ name: 'call-routing' })).toBe('msp_call_routing');
    expect(databaseName({ name: 'scheduling' })).toBe('msp_scheduling');
  });
});

describe('planPorts', () => {
  const services = [subgraph('directory', 10), subgraph('scheduling', 20), gateway];

  it('gives the gateway 4000 when free and every other service a distinct free port', async () => {
    const ports = await planPorts(services, {}, fakePorts([]));
    expect(ports.get('gateway')).toBe(4000);
    expect(new Set(ports.values()).size).toBe(3);
  });

  it('falls back to a free port when 4000 is taken, never handing out the same port twice', async () => {
    const ports = await planPorts(services, {}, fakePorts());
    expect(ports.get('gateway')).not.toBe(4000);
    expect([...ports.values()]).toEqual([50000, 50001, 50002]);
  });

  it('honours PORT for the gateway only, and says so when it is taken', async () => {
    const ports = await planPorts(services, { PORT: '4100' }, fakePorts());
    expect(ports.get('gateway')).toBe(4100);
    expect(ports.get('directory')).not.toBe(4100);
    await expect(planPorts(services, { PORT: '4001' }, fakePorts())).rejects.toThrow(/PORT=4001 is already in use/);
    await expect(planPorts(services, { PORT: 'abc' }, fakePorts())).rejects.toThrow(/not a TCP port/);
  });
});

describe('serviceEnv', () => {
  const paths = { workspaceRoot: '/repo', logsDir: '/data/logs' };
  const planned: PlannedService[] = [
    planService(
      { ...subgraph('directory', 10), internalUrlVariable: 'DIRECTORY_INTERNAL_URL' },
      5001,
      paths,
      'postgres://u:p@127.0.0.1:5432/msp_directory',
    ),
    planService({ ...subgraph('reminders', 30, false), role: 'worker' }, 5003, paths),
    planService(gateway, 4000, paths),
  ];
  const context: StackContext = {
    demoData: 'load',
    kafkaBrokers: '127.0.0.1:9092',
    logLevel: 'debug',
    auth: { AUTH_JWKS_URI: 'http://127.0.0.1:4400/jwks.json' },
    keys: KEYS,
    baseEnv: {
      PATH: '/usr/bin',
      DATABASE_URL: 'postgres://admin@host/postgres',
      PORT: '4000',
      CORS_ORIGINS: 'http://x',
      LOG_LEVEL: 'warn',
    },
  };

  it('resolves entries and log files', () => {
    expect(planned[0]).toMatchObject({
      entry: '/repo/services/directory/dist/main.js',
      logFile: '/data/logs/directory.log',
      url: 'http://127.0.0.1:5001',
    });
    expect(() => planService(subgraph('scheduling', 20), 5002, paths)).toThrow(/needs a database/);
  });

  it("gives a subgraph its own database, port, name and the stack's Kafka, and keeps the rest of the environment", () => {
    const env = serviceEnv(planned[0], planned, context);
    expect(env).toMatchObject({
      SERVICE_NAME: 'directory',
      HOST: '127.0.0.1',
      PORT: '5001',
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/msp_directory',
      KAFKA_BROKERS: '127.0.0.1:9092',
      LOG_LEVEL: 'debug',
      AUTH_JWKS_URI: 'http://127.0.0.1:4400/jwks.json',
      PATH: '/usr/bin',
      CORS_ORIGINS: 'http://x',
    });
    expect(env.GATEWAY_SUBGRAPHS).toBeUndefined();
  });

  it("tells every other service where a service's internal API is", () => {
    expect(serviceEnv(planned[2], planned, context).DIRECTORY_INTERNAL_URL).toBe('http://127.0.0.1:5001');
    expect(serviceEnv(planned[1], planned, context).DIRECTORY_INTERNAL_URL).toBe('http://127.0.0.1:5001');
    expect(serviceEnv(planned[0], planned, context).DIRECTORY_INTERNAL_URL).toBeUndefined();
  });

  it('gives each service its own private key only; the user-context private key to the gateway only', () => {
    const [directory, reminders, gateway] = planned.map((s) => serviceEnv(s, planned, context));
    expect(directory).toMatchObject({
      SERVICE_PRIVATE_KEY: 'private-of-directory',
      USER_CONTEXT_PUBLIC_KEY: 'public-of-user-context',
      INTERNAL_DEVELOPMENT_ROUTES: 'on',
    });
    expect(directory.SERVICE_PUBLIC_KEYS).toContain('token-cli=public-of-token-cli');
    expect(reminders.SERVICE_PRIVATE_KEY).toBe('private-of-reminders');
    expect(gateway).toMatchObject({
      SERVICE_PRIVATE_KEY: 'private-of-gateway',
      USER_CONTEXT_PRIVATE_KEY: 'private-of-user-context',
    });
    for (const env of [directory, reminders]) expect(env.USER_CONTEXT_PRIVATE_KEY).toBeUndefined();
    const everything = JSON.stringify([directory, reminders, gateway]);
    expect(everything).not.toContain('private-of-scheduling');
    expect(everything).not.toContain('private-of-token-cli');
  });

  it('gives a declared secret to the service that declares it, and to no other', () => {
    const telephony = planService(
      { ...subgraph('reminders', 30, false), role: 'worker', secrets: ['TELEPHONY_WEBHOOK_SECRETS'] },
      5003,
      paths,
    );
    const withSecret = [planned[0], telephony, planned[2]];
    const [directory, declaring, gateway] = withSecret.map((s) => serviceEnv(s, withSecret, context));
    expect(declaring.TELEPHONY_WEBHOOK_SECRETS).toBe('shared-with-the-telephony-platform');
    for (const env of [directory, gateway]) expect(env.TELEPHONY_WEBHOOK_SECRETS).toBeUndefined();
  });

  it("never lets the launcher's shell choose a key or switch development routes", () => {
    const shell = {
      ...context.baseEnv,
      USER_CONTEXT_PRIVATE_KEY: 'mine',
      SERVICE_PUBLIC_KEYS: 'evil=x',
      INTERNAL_DEVELOPMENT_ROUTES: 'off',
    };
    const directory = serviceEnv(planned[0], planned, { ...context, baseEnv: shell });
    expect(directory.USER_CONTEXT_PRIVATE_KEY).toBeUndefined();
    expect(directory.SERVICE_PUBLIC_KEYS).not.toContain('evil');
    expect(directory.INTERNAL_DEVELOPMENT_ROUTES).toBe('on');
  });

  it("never passes the launcher's admin DATABASE_URL to a service without a database", () => {
    expect(serviceEnv(planned[1], planned, context).DATABASE_URL).toBeUndefined();
    expect(serviceEnv(planned[2], planned, context).DATABASE_URL).toBeUndefined();
  });

  it("lists the subgraphs' GraphQL URLs, and only them, in the gateway's GATEWAY_SUBGRAPHS", () => {
    expect(subgraphList(planned)).toBe('directory=http://127.0.0.1:5001/graphql');
    expect(serviceEnv(planned[2], planned, context)).toMatchObject({
      SERVICE_NAME: 'gateway',
      PORT: '4000',
      GATEWAY_SUBGRAPHS: 'directory=http://127.0.0.1:5001/graphql',
    });
  });

  it('tells the gateway, and only the gateway, where the built console is and which issuer it signs in with', () => {
    const withConsole: StackContext = {
      ...context,
      console: { dir: '/repo/services/console/dist', authority: 'http://127.0.0.1:4400' },
    };
    expect(serviceEnv(planned[2], planned, withConsole)).toMatchObject({
      CONSOLE_DIR: '/repo/services/console/dist',
      CONSOLE_OIDC_AUTHORITY: 'http://127.0.0.1:4400',
    });
    expect(serviceEnv(planned[0], planned, withConsole).CONSOLE_DIR).toBeUndefined();
    expect(serviceEnv(planned[0], planned, withConsole).CONSOLE_OIDC_AUTHORITY).toBeUndefined();
  });
});

describe("scheduling's public listener behind the gateway", () => {
  const paths = { workspaceRoot: '/repo', logsDir: '/data/logs' };
  const scheduling = SERVICES.find((s) => s.name === 'scheduling') as ServiceDefinition;
  const gatewayDefinition = SERVICES.find((s) => s.role === 'gateway') as ServiceDefinition;
  const context = (baseEnv: NodeJS.ProcessEnv = {}): StackContext => ({
    kafkaBrokers: '127.0.0.1:9092',
    logLevel: 'info',
    auth: {},
    keys: { ...KEYS, services: Object.fromEntries([...SERVICES, callRouting].map((s) => [s.name, pair(s.name)])) },
    baseEnv,
    demoData: 'skip',
  });
  // What a second service facing the internet adds to the registry: an entry like scheduling's.
  const callRouting: ServiceDefinition = {
    ...subgraph('call-routing', 30),
    publicListener: publicListener('CALL_ROUTING_PUBLIC_URL'),
  };

  it('gets a port of its own, distinct from every other', async () => {
    const ports = await planPorts([scheduling, gatewayDefinition], {}, fakePorts([]));
    expect(ports.get(publicPortKey(scheduling))).toEqual(expect.any(Number));
    expect(new Set(ports.values()).size).toBe(3);
    expect(() => planService(scheduling, 5002, paths, 'postgres://u@h/db')).toThrow(/public listener/);
  });

  it('is what the gateway forwards /public and /ical to, and feed links point at the gateway', () => {
    const planned = [
      planService(scheduling, 5002, paths, 'postgres://u@h/db', 5012),
      planService(gatewayDefinition, 4000, paths),
    ];
    const shell = { PUBLIC_PORT: '9', SCHEDULING_PUBLIC_URL: 'http://elsewhere' };
    expect(serviceEnv(planned[0], planned, context(shell))).toMatchObject({
      PORT: '5002',
      PUBLIC_PORT: '5012',
      PUBLIC_BASE_URL: 'http://127.0.0.1:4000',
      PUBLIC_TRUSTED_PROXIES: '127.0.0.1',
    });
    expect(serviceEnv(planned[1], planned, context(shell))).toMatchObject({
      SCHEDULING_PUBLIC_URL: 'http://127.0.0.1:5012',
    });
    expect(serviceEnv(planned[1], planned, context(shell)).PUBLIC_PORT).toBeUndefined();
    // A public address given in the shell (a real domain in front of the gateway) is kept.
    expect(
      serviceEnv(planned[0], planned, context({ PUBLIC_BASE_URL: 'https://rdv.msp.example' })).PUBLIC_BASE_URL,
    ).toBe('https://rdv.msp.example');
  });

  it("is one of several: each service's listener gets its own port and its URL reaches the gateway", async () => {
    const services = startOrder([scheduling, callRouting, gatewayDefinition]);
    const ports = await planPorts(services, {}, fakePorts([]));
    expect(new Set(ports.values()).size).toBe(5);
    const planned = services.map((definition) =>
      planService(
        definition,
        ports.get(definition.name) as number,
        paths,
        definition.database ? 'postgres://u@h/db' : undefined,
        ports.get(publicPortKey(definition)),
      ),
    );
    const [schedulingEnv, callRoutingEnv, gatewayEnv] = planned.map((service) =>
      serviceEnv(service, planned, context({ CALL_ROUTING_PUBLIC_URL: 'http://elsewhere' })),
    );
    const publicPort = (service: ServiceDefinition) => String(ports.get(publicPortKey(service)));
    expect(schedulingEnv.PUBLIC_PORT).toBe(publicPort(scheduling));
    expect(callRoutingEnv).toMatchObject({
      PUBLIC_PORT: publicPort(callRouting),
      PUBLIC_BASE_URL: `http://127.0.0.1:${ports.get('gateway')}`,
      PUBLIC_TRUSTED_PROXIES: '127.0.0.1',
    });
    expect(gatewayEnv).toMatchObject({
      SCHEDULING_PUBLIC_URL: `http://127.0.0.1:${publicPort(scheduling)}`,
      CALL_ROUTING_PUBLIC_URL: `http://127.0.0.1:${publicPort(callRouting)}`,
    });
    // A service learns no other service's public listener (only the gateway forwards to them).
    expect(schedulingEnv.CALL_ROUTING_PUBLIC_URL).toBeUndefined();
    expect(callRoutingEnv.SCHEDULING_PUBLIC_URL).toBeUndefined();
  });
});

describe('demo data switches', () => {
  const paths = { workspaceRoot: '/repo', logsDir: '/data/logs' };
  const url = 'postgres://u:p@127.0.0.1:5432/db';
  const planned = startOrder(SERVICES).map((definition, index) =>
    planService(definition, 5000 + index, paths, definition.database ? url : undefined, 6000 + index),
  );
  const demoVariables = (env: NodeJS.ProcessEnv) =>
    Object.fromEntries(Object.entries(env).filter(([name]) => name.endsWith('_DEMO_DATA')));
  const context = (demoData: 'load' | 'skip', baseEnv: NodeJS.ProcessEnv = {}): StackContext => ({
    kafkaBrokers: '127.0.0.1:9092',
    logLevel: 'info',
    auth: {},
    keys: { ...KEYS, services: Object.fromEntries(SERVICES.map((s) => [s.name, pair(s.name)])) },
    baseEnv,
    demoData,
  });
  const byService = (ctx: StackContext) =>
    Object.fromEntries(planned.map((s) => [s.definition.name, demoVariables(serviceEnv(s, planned, ctx))]));

  it('passes each demo switch to exactly the service that declares it', () => {
    expect(byService(context('load'))).toEqual({
      directory: { DIRECTORY_DEMO_DATA: 'load' },
      scheduling: { SCHEDULING_DEMO_DATA: 'load' },
      'call-routing': { CALL_ROUTING_DEMO_DATA: 'load' },
      delegation: { DELEGATION_DEMO_DATA: 'load' },
      coordination: { COORDINATION_DEMO_DATA: 'load' },
      indicators: {},
      gateway: {},
    });
  });

  it("says skip with --no-demo-data, whatever the launcher's shell held", () => {
    const shell = {
      DIRECTORY_DEMO_DATA: 'load',
      SCHEDULING_DEMO_DATA: 'load',
      CALL_ROUTING_DEMO_DATA: 'load',
      DELEGATION_DEMO_DATA: 'load',
      COORDINATION_DEMO_DATA: 'load',
      OTHER_DEMO_DATA: 'kept',
    };
    expect(byService(context('skip', shell))).toEqual({
      directory: { DIRECTORY_DEMO_DATA: 'skip', OTHER_DEMO_DATA: 'kept' },
      scheduling: { SCHEDULING_DEMO_DATA: 'skip', OTHER_DEMO_DATA: 'kept' },
      'call-routing': { CALL_ROUTING_DEMO_DATA: 'skip', OTHER_DEMO_DATA: 'kept' },
      delegation: { DELEGATION_DEMO_DATA: 'skip', OTHER_DEMO_DATA: 'kept' },
      coordination: { COORDINATION_DEMO_DATA: 'skip', OTHER_DEMO_DATA: 'kept' },
      indicators: { OTHER_DEMO_DATA: 'kept' },
      gateway: { OTHER_DEMO_DATA: 'kept' },
    });
  });
});

describe('the warning about event-fed views', () => {
  const withViews = { ...subgraph('scheduling', 20), eventFedViews: "patients' reminder consents" };
  const services = [subgraph('directory', 10), withViews, gateway];

  it('names the databases with a past and the views that start incomplete when Kafka is new', () => {
    const warning = staleViewsWarning(services, true, ['msp_directory', 'msp_scheduling']);
    expect(warning).toMatch(/^Warning: Kafka is new but databases msp_directory, msp_scheduling already have a past/);
    expect(warning).toContain("scheduling's patients' reminder consents");
    expect(warning).toContain('another MSP_DATABASE_PREFIX or drop the old databases');
  });

  it.each([
    ['Kafka already holds the topics', services, false, ['msp_directory']],
    ['every database is new', services, true, []],
    ['no service builds views from events', [subgraph('directory', 10), gateway], true, ['msp_directory']],
  ])('says nothing when %s', (_label, registry, kafkaIsNew, past) => {
    expect(staleViewsWarning(registry, kafkaIsNew, past)).toBeUndefined();
  });
});

describe('topicSpecs', () => {
  it('covers every topic: 3 partitions for events, 1 for dead letters, replication 1', () => {
    const specs = topicSpecs();
    expect(specs.map((s) => s.topic).sort()).toEqual([...allTopics()].sort());
    expect(specs.find((s) => s.topic === 'scheduling.events')).toEqual({
      topic: 'scheduling.events',
      numPartitions: 3,
      replicationFactor: 1,
    });
    expect(specs.find((s) => s.topic === 'scheduling.events.dlq')).toMatchObject({ numPartitions: 1 });
    expect(specs.filter((s) => s.topic.endsWith('.dlq'))).toHaveLength(specs.length / 2);
  });
});
