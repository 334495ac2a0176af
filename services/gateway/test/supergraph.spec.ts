import { freePort } from '@msp/infra';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { CompositionFailedError, composeSupergraph } from '../src/compose/supergraph-composer';
import { SubgraphSdlError } from '../src/compose/fetch-subgraph-sdl';
import { GatewayConfig } from '../src/config/gateway.config';
import { startGateway } from '../src/gateway.bootstrap';
import { startEchoSubgraph, type RunningSubgraph } from './fixtures/echo-subgraph';
import { FrontDoorStack, USER_CONTEXT_PUBLIC_KEY } from './fixtures/front-door-stack';
import { startMemberSubgraph } from './member-subgraph';

const WORKSPACE = resolve(__dirname, '../../..');

describe('supergraph composed ahead of time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gw-supergraph-'));
  const file = join(dir, 'supergraph.graphql');
  let stack: FrontDoorStack;
  let echo: RunningSubgraph;

  beforeAll(async () => {
    stack = await FrontDoorStack.start();
    echo = await startEchoSubgraph(USER_CONTEXT_PUBLIC_KEY);
  });

  afterAll(async () => {
    await stack?.stop();
    await echo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('`npm run compose` writes the supergraph of the running subgraphs, @key and join directives included', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'compose'], {
      cwd: WORKSPACE,
      env: { ...process.env, GATEWAY_SUBGRAPHS: `echo=${echo.url}`, GATEWAY_SUPERGRAPH_FILE: file },
    });
    expect(stdout).toContain(`Supergraph of echo written to`);
    const sdl = readFileSync(file, 'utf8');
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/join/v0.');
    expect(sdl).toMatch(/ECHO @join__graph\(name: "echo", url: "http:\/\/127\.0\.0\.1:\d+\/graphql"\)/);
    expect(sdl).toMatch(/type Member\s+@join__type\(graph: ECHO, key: "id"\)/);
    expect(sdl).toContain('viewer: Viewer!');
  });

  it('serves from the file, without asking the subgraphs for their schema', async () => {
    const gateway = await stack.startGateway({ GATEWAY_SUPERGRAPH_FILE: file });
    const before = echo.requests;
    const res = await request(gateway.url)
      .post('/graphql')
      .set('authorization', await stack.bearer({ subject: 'm-1' }))
      .send({ query: '{ viewer { memberId } member(id: "m-2") { displayName } }' })
      .expect(200);
    expect(res.body).toEqual({ data: { viewer: { memberId: 'm-1' }, member: { displayName: 'Léa Bernard' } } });
    expect(echo.requests).toBe(before + 1);
  });

  it('refuses to start without the supergraph file it was given, saying how to make it', async () => {
    const missing = join(dir, 'missing.graphql');
    await expect(
      startGateway(
        GatewayConfig.fromEnv(stack.env({ PORT: '0', GATEWAY_SUPERGRAPH_FILE: missing, LOG_LEVEL: 'silent' })),
      ),
    ).rejects.toThrow(
      `GATEWAY_SUPERGRAPH_FILE: cannot read ${missing} (ENOENT); compose it first with \`npm run compose\``,
    );
  });

  it('lists every composition error when the subgraphs do not compose', async () => {
    const members = await startMemberSubgraph();
    try {
      const attempt = composeSupergraph([
        { name: 'echo', url: echo.url },
        { name: 'members', url: members.url },
      ]);
      await expect(attempt).rejects.toBeInstanceOf(CompositionFailedError);
      await expect(attempt).rejects.toThrow(
        /INVALID_FIELD_SHARING: Non-shareable field "Member.displayName" is resolved from multiple subgraphs/,
      );
    } finally {
      await members.stop();
    }
  });

  it('names the subgraph that does not answer', async () => {
    const gone = { name: 'gone', url: `http://127.0.0.1:${await freePort()}/graphql` };
    await expect(composeSupergraph([gone])).rejects.toThrow(new SubgraphSdlError(gone, 'ECONNREFUSED'));
  });
});
