import { type DynamicModule, Get, type INestApplication, Module } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { Client } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CurrentUser, generateSigningKeyPair, signUserContext, USER_CONTEXT_HEADER, type UserContext } from '@msp/auth';
import { freePort } from '@msp/infra';
import { InternalApiController, InternalHttpClient, signServiceToken } from '@msp/messaging';
import { createTestDatabase, expectEventually, testKafkaBrokers, uniqueSuffix, type TestDatabase } from '@msp/testing';
import { PlatformSubgraphModule, startPlatformService } from '../src';

const GATEWAY_USER_CONTEXT = generateSigningKeyPair();
const GATEWAY = generateSigningKeyPair(); // the gateway's service key
const INDICATORS = generateSigningKeyPair(); // a platform service that is not among the ping route's callers
const SAMPLE = generateSigningKeyPair();

@Resolver()
class WhoAmIResolver {
  @Query(() => String, { description: 'The calling member' })
  whoAmI(@CurrentUser() user: UserContext): string {
    return user.memberId;
  }
}

@InternalApiController('ping', { callers: ['gateway'] })
class PingController {
  @Get()
  ping(): { pong: true } {
    return { pong: true };
  }
}

class CreateGreeting1800000000000 implements MigrationInterface {
  name = 'CreateGreeting1800000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`create table greeting (id serial primary key, text text not null)`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table greeting`);
  }
}

@Module({})
class SampleModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: SampleModule,
      imports: [
        PlatformSubgraphModule.forRoot({
          serviceName: 'sample',
          databaseUrl,
          entities: [],
          migrations: [CreateGreeting1800000000000],
          kafkaBrokers: testKafkaBrokers(),
          consumerGroup: `sample-${uniqueSuffix()}`,
          trust: {
            userContextPublicKey: GATEWAY_USER_CONTEXT.publicKey,
            servicePrivateKey: SAMPLE.privateKey,
            servicePublicKeys: `gateway=${GATEWAY.publicKey},indicators=${INDICATORS.publicKey}`,
            developmentRoutes: false,
          },
        }),
      ],
      providers: [WhoAmIResolver],
      controllers: [PingController],
    };
  }
}

describe('a service assembled by PlatformSubgraphModule and started by startPlatformService', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let url: string;
  const port = { value: 0 };

  beforeAll(async () => {
    database = await createTestDatabase('service_kit');
    port.value = await freePort();
    app = await startPlatformService('Sample', SampleModule.forRoot(database.url), {
      port: port.value,
      host: '127.0.0.1',
      toJSON: () => ({ port: port.value }),
    });
    url = `http://127.0.0.1:${port.value}`;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const graphql = async (query: string, user?: UserContext, header?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (user) headers[USER_CONTEXT_HEADER] = await signUserContext(user, GATEWAY_USER_CONTEXT.privateKey, 'sample');
    if (header) headers[USER_CONTEXT_HEADER] = header;
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ extensions?: object }> };
  };

  it('migrated its database at boot: the outbox and inbox tables, then its own migrations', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('select name from schema_migrations order by id');
      const names = rows.map((row) => row.name);
      expect(names[names.length - 1]).toBe('CreateGreeting1800000000000');
      expect(names.length).toBeGreaterThan(1);
      const tables = await client.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public'`,
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['greeting', 'outbox_message', 'inbox_message']),
      );
    } finally {
      await client.end();
    }
  });

  it('is live and ready (database and Kafka) and serves Prometheus metrics', async () => {
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^# HELP /m);
  });

  it('answers GraphQL only with the user context the gateway signed', async () => {
    const anonymous = await graphql('{ whoAmI }');
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(anonymous.data?.whoAmI ?? null).toBeNull();
    const member = { memberId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a', memberships: [] };
    expect(await graphql('{ whoAmI }', member)).toEqual({ data: { whoAmI: member.memberId } });
  });

  it('is a federation 2 subgraph the gateway can compose', async () => {
    const { data } = await graphql('{ _service { sdl } }');
    const sdl = (data?._service as { sdl: string }).sdl;
    expect(sdl).toContain('https://specs.apollo.dev/federation/v2');
    expect(sdl).toMatch(/whoAmI: String!/);
  });

  describe('refuses a user context not signed by the gateway for this subgraph, now', () => {
    const member: UserContext = { memberId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a', memberships: [] };
    const reasonOf = async (header: string) =>
      ((await graphql('{ whoAmI }', undefined, header)).errors?.[0].extensions as { reason?: string })?.reason;

    it('signed by any other key (a compromised subgraph minting a user)', async () => {
      const forged = await signUserContext(member, SAMPLE.privateKey, 'sample');
      expect(await reasonOf(forged)).toBe('INVALID_SIGNATURE');
    });

    it("signed by the gateway for another subgraph's audience", async () => {
      const forDirectory = await signUserContext(member, GATEWAY_USER_CONTEXT.privateKey, 'directory');
      expect(await reasonOf(forDirectory)).toBe('WRONG_AUDIENCE');
    });

    it('expired', async () => {
      const expired = await signUserContext(member, GATEWAY_USER_CONTEXT.privateKey, 'sample', -10);
      expect(await reasonOf(expired)).toBe('EXPIRED_TOKEN');
    });
  });

  it("serves its internal API to the route's callers, each with its own key, on the route the token was made for", async () => {
    const client = (caller: string, privateKey: string) =>
      new InternalHttpClient({ caller, target: 'sample', baseUrl: url, privateKey, timeoutMs: 5_000 });
    await expect(client('gateway', GATEWAY.privateKey).get('/internal/ping')).resolves.toEqual({ pong: true });
    // another service's key claiming to be the gateway
    await expect(client('gateway', INDICATORS.privateKey).get('/internal/ping')).rejects.toMatchObject({ status: 401 });
    // a known service, with its own key, that the route does not list
    await expect(client('indicators', INDICATORS.privateKey).get('/internal/ping')).rejects.toMatchObject({
      status: 403,
    });
    // a gateway token made for another route
    const elsewhere = await signServiceToken(
      { caller: 'gateway', target: 'sample', method: 'GET', path: '/internal/other' },
      GATEWAY.privateKey,
    );
    const replayed = await fetch(`${url}/internal/ping`, { headers: { authorization: `Bearer ${elsewhere}` } });
    expect(replayed.status).toBe(401);
    expect((await fetch(`${url}/internal/ping`)).status).toBe(401);
  });

  it('stops cleanly: the port is released and its database sessions are closed', async () => {
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    const sessions = async () =>
      Number(
        (
          await admin.query<{ count: string }>(
            `select count(*) from pg_stat_activity where datname = current_database() and application_name = 'sample'`,
          )
        ).rows[0].count,
      );
    try {
      expect(await sessions()).toBeGreaterThan(0);
      await app.close();
      await expect(fetch(`${url}/health/live`)).rejects.toThrow();
      // A closed connection's backend leaves pg_stat_activity a moment after the client hangs up.
      await expectEventually(async () => expect(await sessions()).toBe(0), 5_000, 100);
    } finally {
      await admin.end();
    }
  });
});
