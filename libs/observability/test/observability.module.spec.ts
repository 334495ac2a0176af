import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { CORRELATION_ID_HEADER } from '../src';
import { LogCapture } from './log-capture';
import { startSampleApp, SwitchableCheck } from './sample-app';

describe('ObservabilityModule', () => {
  let app: INestApplication;
  let logs: LogCapture;

  beforeAll(async () => {
    logs = new LogCapture();
    app = await startSampleApp({ logDestination: logs, logLevel: 'info', readinessTimeoutMs: 300 });
  });

  afterAll(() => app.close());

  beforeEach(() => {
    const check = app.get(SwitchableCheck);
    check.failure = undefined;
    check.hang = false;
  });

  describe('health', () => {
    it('answers liveness with 200', async () => {
      await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    });

    it('is ready when every check passes, naming each check', async () => {
      await request(app.getHttpServer())
        .get('/health/ready')
        .expect(200, { status: 'ok', checks: { switchable: 'up' } });
    });

    it('answers 503 with the reason of a failing check', async () => {
      app.get(SwitchableCheck).failure = 'broker unreachable';
      const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body).toEqual({
        status: 'unavailable',
        checks: { switchable: 'down' },
        reasons: { switchable: 'broker unreachable' },
      });
    });

    it('counts a check that does not answer in time as down', async () => {
      app.get(SwitchableCheck).hang = true;
      const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body.reasons.switchable).toMatch(/no answer within 300 ms/);
    });
  });

  describe('metrics', () => {
    const scrape = async (): Promise<string> => {
      const res = await request(app.getHttpServer()).get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      return res.text;
    };

    it('exposes default Node metrics', async () => {
      expect(await scrape()).toContain('process_cpu_user_seconds_total');
    });

    it('records request durations by route pattern, not by raw URL', async () => {
      await request(app.getHttpServer()).get('/members/m-alpha').expect(200);
      await request(app.getHttpServer()).get('/members/m-beta').expect(200);
      const text = await scrape();
      expect(text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/members\/:id",status_code="200"\} 2\b/,
      );
      expect(text).toMatch(
        /http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/members\/:id",status_code="200"\}/,
      );
      expect(text).not.toContain('m-alpha');
    });

    it('labels requests to the mounted GraphQL endpoint as /graphql, with or without a query string', async () => {
      await request(app.getHttpServer()).post('/graphql').send({ query: '{ __typename }' }).expect(200);
      await request(app.getHttpServer()).get('/graphql?query=%7B__typename%7D').expect(200);
      const text = await scrape();
      expect(text).toMatch(
        /http_request_duration_seconds_count\{method="POST",route="\/graphql",status_code="200"\} 1\b/,
      );
      expect(text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/graphql",status_code="200"\} 1\b/,
      );
    });

    it('folds unknown URLs into one "unmatched" route', async () => {
      await request(app.getHttpServer()).get('/nowhere/123').expect(404);
      await request(app.getHttpServer()).get('/elsewhere/456').expect(404);
      const text = await scrape();
      expect(text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} 2\b/,
      );
      expect(text).not.toContain('nowhere');
    });
  });

  describe('correlation id and logs', () => {
    const linesOf = (correlationId: string) => logs.lines.filter((line) => line.correlationId === correlationId);

    it('keeps the caller’s correlation id, echoes it and stamps it on every log line of the request', async () => {
      const res = await request(app.getHttpServer())
        .get('/members/7')
        .set(CORRELATION_ID_HEADER, 'corr-abc-123')
        .expect(200);
      expect(res.headers[CORRELATION_ID_HEADER]).toBe('corr-abc-123');
      const lines = linesOf('corr-abc-123');
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['member looked up', 'request completed']));
      for (const line of lines) expect(line.service).toBe('sample');
    });

    it('makes a correlation id when the caller sends none, or one unfit for logs', async () => {
      const none = await request(app.getHttpServer()).get('/members/8').expect(200);
      expect(none.headers[CORRELATION_ID_HEADER]).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      const forged = await request(app.getHttpServer())
        .get('/members/9')
        .set(CORRELATION_ID_HEADER, 'x" level=fatal')
        .expect(200);
      expect(forged.headers[CORRELATION_ID_HEADER]).toMatch(/^[0-9a-f-]{36}$/);
      expect(linesOf(none.headers[CORRELATION_ID_HEADER]).length).toBeGreaterThan(0);
    });

    it('never logs credentials, request bodies or query strings', async () => {
      await request(app.getHttpServer())
        .post('/members?phone=0612345678')
        .set(CORRELATION_ID_HEADER, 'corr-private')
        .set('authorization', 'Bearer top-secret-token')
        .set('cookie', 'session=secret-cookie')
        .set('x-msp-user-context', 'signed-user-context')
        .send({ patientName: 'Jeanne Dupont' })
        .expect(201);
      const completed = linesOf('corr-private').find((l) => l.msg === 'request completed');
      expect(completed).toMatchObject({
        req: { method: 'POST', url: '/members' },
      });
      const everything = logs.raw.join('\n');
      for (const secret of ['top-secret-token', 'secret-cookie', 'signed-user-context', 'Dupont', '0612345678'])
        expect(everything).not.toContain(secret);
    });

    it('never logs the secret token of a calendar feed URL, whatever its case or suffix', async () => {
      const token = 'Zx81-capability_token_of_a_feed_0123456789AB';
      await request(app.getHttpServer()).get(`/ical/${token}.ics`).set(CORRELATION_ID_HEADER, 'corr-ical').expect(404);
      await request(app.getHttpServer())
        .get(`/ICAL/${token}?x=1`)
        .set(CORRELATION_ID_HEADER, 'corr-ical-2')
        .expect(404);
      const completed = linesOf('corr-ical').find((l) => l.msg === 'request completed');
      expect(completed).toMatchObject({ req: { method: 'GET', url: '/ical/[redacted]' } });
      expect(linesOf('corr-ical-2').find((l) => l.msg === 'request completed')).toMatchObject({
        req: { url: '/ICAL/[redacted]' },
      });
      expect(logs.raw.join('\n')).not.toContain(token.slice(0, 20));
    });

    it('never logs the secret token of a waitlist offer’s answer link, shown or answered', async () => {
      const token = 'Qw93-answer_token_of_an_offer_0123456789ABCD';
      await request(app.getHttpServer())
        .get(`/public/waitlist-offers/${token}?reponse=accepter`)
        .set(CORRELATION_ID_HEADER, 'corr-offer')
        .expect(404);
      await request(app.getHttpServer())
        .post(`/public/waitlist-offers/${token}/accept`)
        .set(CORRELATION_ID_HEADER, 'corr-offer-2')
        .expect(404);
      expect(linesOf('corr-offer').find((l) => l.msg === 'request completed')).toMatchObject({
        req: { url: '/public/waitlist-offers/[redacted]' },
      });
      expect(linesOf('corr-offer-2').find((l) => l.msg === 'request completed')).toMatchObject({
        req: { url: '/public/waitlist-offers/[redacted]/accept' },
      });
      expect(logs.raw.join('\n')).not.toContain(token.slice(0, 20));
    });

    it('does not log health probes and scrapes', async () => {
      await request(app.getHttpServer()).get('/health/live').set(CORRELATION_ID_HEADER, 'corr-probe').expect(200);
      expect(linesOf('corr-probe')).toEqual([]);
    });
  });
});
