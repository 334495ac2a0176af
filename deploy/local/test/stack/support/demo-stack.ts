import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { DevIssuer } from '@msp/auth';
import { dropDatabase, workspaceRoot } from '@msp/infra';
import { buildWorkspace, builtStackEnv, expectEventually, testPostgresAdminUrl, uniqueSuffix } from '@msp/testing';
import { LocalStack } from '../../../src/local-stack';
import { databaseName, SERVICES } from '../../../src/services';
import { stackSql } from '../../support/stack-sql';

export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string; reason?: string } }>;
  };
}

/**
 * The built services started as `npm start`'s first start starts them, with demo data, on the test PostgreSQL and
 * Kafka: ready once scheduling and call routing have played the demo month (the month before today) through their
 * own handlers.
 */
export class DemoStack {
  private readonly prefix = `t${uniqueSuffix()}`;
  private dataDir?: string;
  private stack?: LocalStack;
  private issuer?: DevIssuer;
  gatewayUrl = '';
  /** The first day of the demo month, in the structure's zone (once started). */
  month!: DateTime;

  async start(): Promise<void> {
    this.dataDir = mkdtempSync(join(tmpdir(), 'msp-demo-stack-spec-'));
    const env = builtStackEnv(this.prefix, { MSP_DATA_DIR: this.dataDir });
    await buildWorkspace(env);
    this.stack = new LocalStack({
      dataDir: this.dataDir,
      workspaceRoot: workspaceRoot(),
      env,
      services: SERVICES,
      demoData: true,
    });
    this.gatewayUrl = (await this.stack.start()).gateway!.url;
    this.issuer = await DevIssuer.loadOrCreate(join(this.dataDir, 'dev-issuer'));
    const [{ id: structureId }] = await this.sql('directory', `select id from structure where name = 'MSP des Lices'`);
    // Scheduling's month first (call routing waits for its consultations), then call routing's: both mark the end.
    // Minutes of work: a look (and a connection) every two seconds is plenty.
    await expectEventually(
      async () => {
        const [played] = await this.sql<{ month: string; time_zone: string }>(
          'scheduling',
          'select month, time_zone from demo_month where structure_id = $1 and completed_at is not null',
          [structureId],
        );
        expect(played).toBeDefined();
        this.month = DateTime.fromISO(played.month, { zone: played.time_zone });
      },
      600_000,
      2_000,
    );
    await expectEventually(
      async () => {
        const finished = await this.sql(
          'call-routing',
          'select 1 from demo_month_play where structure_id = $1 and finished_at is not null',
          [structureId],
        );
        expect(finished).toHaveLength(1);
      },
      600_000,
      2_000,
    );
  }

  async stop(): Promise<void> {
    await this.stack?.stop();
    for (const service of SERVICES.filter((s) => s.database))
      await dropDatabase(testPostgresAdminUrl(), databaseName(service, this.prefix));
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  sql<T = { id: string }>(service: string, text: string, values: unknown[] = []): Promise<T[]> {
    return stackSql<T>(this.prefix, service, text, values);
  }

  /** A development-issuer token for the demo member with this e-mail. */
  async tokenOf(email: string): Promise<string> {
    const [{ id }] = await this.sql('directory', 'select id from member where email = $1', [email]);
    return this.issuer!.issue({ subject: id });
  }

  /**
   * One GraphQL request through the gateway; the body as answered (a body that is not JSON becomes one error). Sent
   * again once on a new connection when the gateway had closed the pooled one as it was reused (undici's keep-alive
   * race, nodejs/undici#3492: nothing was answered); a second failure is thrown.
   */
  async post<T>(query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLAnswer<T>> {
    const send = () =>
      fetch(`${this.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
    const response = await send().catch((error: unknown) => {
      if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
      return send();
    });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      return { status: response.status, body: { errors: [{ message: text.slice(0, 200) }] } };
    }
  }
}
