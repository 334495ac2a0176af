import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { signUserContext, USER_CONTEXT_HEADER, type UserContext } from '@msp/auth';
import { freePort } from '@msp/infra';
import { buildTemplate, cloneTestDatabase, knownTemplate } from './template-databases';
import {
  createTestDatabase,
  testKafkaBrokers,
  testKeys,
  testServicePrivateKey,
  testServicePublicKeys,
  type TestService,
} from './test-environment';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string; reason?: string } }>;
}

/** What every service's configuration needs under test: its port, its fresh database, the test Kafka, the run's keys. */
export interface ServiceTestEnv {
  PORT: string;
  DATABASE_URL: string;
  KAFKA_BROKERS: string;
  USER_CONTEXT_PUBLIC_KEY: string;
  SERVICE_PRIVATE_KEY: string;
  SERVICE_PUBLIC_KEYS: string;
}

/**
 * The service a fixture class starts, by the fixtures' naming convention: `DirectoryTestApp` starts `directory`,
 * `CallRoutingTestApp` starts `call-routing`.
 */
function serviceOf(fixtureClass: string): TestService {
  return fixtureClass
    .replace(/TestApp$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase() as TestService;
}

/**
 * A real service (Nest application) on a database of its own and the test Kafka, reached over HTTP as the gateway
 * reaches it. Each service's fixture extends it with a `start` that boots that service. The database is a copy of the
 * service's migrated template (see template-databases.ts) once a first test file of the service has built it.
 */
export class ServiceTestApp {
  /** The service's name: the audience of the user contexts `gql` signs. */
  service = '';

  constructor(
    readonly app: INestApplication,
    readonly url: string,
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  static async boot<T extends ServiceTestApp>(
    this: new (app: INestApplication, url: string, dropDatabase: () => Promise<void>) => T,
    label: string,
    start: (env: ServiceTestEnv) => Promise<INestApplication>,
  ): Promise<T> {
    const service = this.name;
    const template = knownTemplate(service);
    const database = template ? await cloneTestDatabase(label, template) : await createTestDatabase(label);
    const port = await freePort();
    const app = await start({
      PORT: String(port),
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      USER_CONTEXT_PUBLIC_KEY: testKeys().userContext.publicKey,
      SERVICE_PRIVATE_KEY: testServicePrivateKey(serviceOf(service)),
      SERVICE_PUBLIC_KEYS: testServicePublicKeys(),
    });
    const booted = new this(app, `http://127.0.0.1:${port}`, () => database.drop());
    booted.service = serviceOf(service);
    if (!template)
      await buildTemplate(service, app.get(DataSource)).catch(async (error: unknown) => {
        await booted.stop(); // the spec never gets the app, so its afterAll cannot stop it
        throw error;
      });
    return booted;
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.dropDatabase();
  }

  /** A GraphQL call as the gateway would make it for `user` (no user: as someone reaching the port directly). */
  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    user?: UserContext,
  ): Promise<GraphQLResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (user)
      headers[USER_CONTEXT_HEADER] = await signUserContext(user, testKeys().userContext.privateKey, this.service);
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  }

  /** Like gql, but fails the test on any error. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    user: UserContext,
  ): Promise<T> {
    const result = await this.gql<T>(query, variables, user);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  get<T>(type: abstract new (...args: never[]) => T): T {
    return this.app.get(type);
  }

  sql<T = Record<string, unknown>>(query: string, parameters: unknown[] = []): Promise<T[]> {
    return this.app.get(DataSource).query(query, parameters);
  }

  /** Event payloads of one type recorded in the service's outbox, oldest first. */
  async events(type: string): Promise<Array<Record<string, unknown>>> {
    const rows = await this.sql<{ payload: string }>(
      `select payload from outbox_message where event_type = $1 order by position`,
      [type],
    );
    return rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
  }
}
