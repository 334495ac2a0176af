import { freePort } from '@msp/infra';
import { CORRELATION_ID_HEADER } from '@msp/observability';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { GatewayConfig } from '../src/config/gateway.config';
import { startGateway } from '../src/gateway.bootstrap';

describe('gateway without subgraphs', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    app = await startGateway(
      GatewayConfig.fromEnv({ PORT: String(port), LOG_LEVEL: 'silent', CORS_ORIGINS: 'http://console.test' }),
    );
    baseUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(() => app?.close());

  it('answers the platform query over HTTP on the configured port', async () => {
    const res = await request(baseUrl)
      .post('/graphql')
      .set(CORRELATION_ID_HEADER, 'gw-local-1')
      .send({ query: '{ platform { name version subgraphs } }' })
      .expect(200);
    expect(res.body).toEqual({ data: { platform: { name: 'gateway', version: '0.0.0', subgraphs: [] } } });
    expect(res.headers[CORRELATION_ID_HEADER]).toBe('gw-local-1');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers health probes', async () => {
    await request(baseUrl).get('/health/live').expect(200, { status: 'ok' });
    await request(baseUrl).get('/health/ready').expect(200, { status: 'ok', checks: {} });
  });

  it('counts GraphQL requests under the /graphql route', async () => {
    await request(baseUrl).post('/graphql').send({ query: '{ platform { name } }' }).expect(200);
    const metrics = await request(baseUrl).get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      /http_request_duration_seconds_count\{method="POST",route="\/graphql",status_code="200"\} \d+/,
    );
  });

  it('allows the configured CORS origins only', async () => {
    const allowed = await request(baseUrl)
      .options('/graphql')
      .set('origin', 'http://console.test')
      .set('access-control-request-method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://console.test');
    const other = await request(baseUrl)
      .options('/graphql')
      .set('origin', 'http://evil.test')
      .set('access-control-request-method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
