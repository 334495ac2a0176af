import { freePort } from '@msp/infra';
import { CORRELATION_ID_HEADER } from '@msp/observability';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { GatewayConfig } from '../src/config/gateway.config';
import { startGateway } from '../src/gateway.bootstrap';
import { startMemberSubgraph } from './member-subgraph';

describe('gateway composing a subgraph', () => {
  let subgraph: Awaited<ReturnType<typeof startMemberSubgraph>>;
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    subgraph = await startMemberSubgraph();
    const port = await freePort();
    app = await startGateway(
      GatewayConfig.fromEnv({ PORT: String(port), LOG_LEVEL: 'silent', GATEWAY_SUBGRAPHS: `members=${subgraph.url}` }),
    );
    baseUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await app?.close();
    await subgraph?.stop();
  });

  it('serves the subgraph’s data through /graphql', async () => {
    const res = await request(baseUrl)
      .post('/graphql')
      .send({ query: '{ member(id: "m1") { id displayName } }' })
      .expect(200);
    expect(res.body).toEqual({ data: { member: { id: 'm1', displayName: 'Dr Camille Martin' } } });
  });

  it('forwards the correlation id and the authorization header to the subgraph', async () => {
    subgraph.received.length = 0;
    const res = await request(baseUrl)
      .post('/graphql')
      .set(CORRELATION_ID_HEADER, 'fed-corr-42')
      .set('authorization', 'Bearer test-token')
      .send({ query: '{ member(id: "m1") { displayName } }' })
      .expect(200);
    expect(res.headers[CORRELATION_ID_HEADER]).toBe('fed-corr-42');
    expect(subgraph.received).toEqual([{ correlationId: 'fed-corr-42', authorization: 'Bearer test-token' }]);
  });

  it('forwards the id it generated when the caller sent none', async () => {
    subgraph.received.length = 0;
    const res = await request(baseUrl).post('/graphql').send({ query: '{ member(id: "m1") { id } }' }).expect(200);
    expect(res.headers[CORRELATION_ID_HEADER]).toMatch(/^[0-9a-f-]{36}$/);
    expect(subgraph.received).toEqual([
      { correlationId: res.headers[CORRELATION_ID_HEADER], authorization: undefined },
    ]);
  });

  it('answers health probes', async () => {
    await request(baseUrl).get('/health/live').expect(200);
    await request(baseUrl).get('/health/ready').expect(200, { status: 'ok', checks: {} });
  });
});
