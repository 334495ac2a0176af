import { Body, Get, Module, Post, Req, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { conflict, invalidInput, notFound } from '@msp/errors';
import { freePort } from '@msp/infra';
import {
  InternalApiController,
  InternalApiModule,
  InternalHttpClient,
  InternalRejectedError,
  InternalTimeoutError,
  InternalUnavailableError,
  signServiceToken,
} from '../src';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

@InternalApiController('slots')
class SlotsController {
  @Get('next')
  next(@Req() request: { callerService?: string }) {
    return { slots: ['2026-11-24T08:00:00Z'], askedBy: request.callerService };
  }

  @Post('hold')
  hold(@Body() body: { slotStart?: string }) {
    if (!body.slotStart) throw invalidInput('SCHEDULING.INVALID_INPUT', 'slotStart', 'is required');
    throw conflict('SCHEDULING.SLOT_TAKEN', 'Slot no longer free');
  }

  @Get('gone')
  gone() {
    throw notFound('SCHEDULING.NOT_FOUND', 'Hold', 'holdId');
  }

  @Get('database-down')
  databaseDown() {
    throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  }

  @Get('slow')
  async slow() {
    await new Promise((r) => setTimeout(r, 2_000));
    return {};
  }

  @Get('broken')
  broken() {
    throw new Error('database password is hunter2');
  }
}

@Module({
  imports: [
    InternalApiModule.forRoot({
      serviceName: 'scheduling',
      secret: SECRET,
      allowedCallers: ['call-routing', 'coordination'],
    }),
  ],
  controllers: [SlotsController],
})
class SchedulingInternalApi {}

describe('internal HTTP client and server', () => {
  let app: INestApplication;
  let baseUrl: string;
  const client = (overrides: Partial<ConstructorParameters<typeof InternalHttpClient>[0]> = {}) =>
    new InternalHttpClient({
      caller: 'call-routing',
      target: 'scheduling',
      baseUrl,
      secret: SECRET,
      timeoutMs: 500,
      ...overrides,
    });

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [SchedulingInternalApi] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(() => app.close());

  it('answers a signed call and tells the endpoint who is calling', async () => {
    await expect(client().get('/internal/slots/next')).resolves.toEqual({
      slots: ['2026-11-24T08:00:00Z'],
      askedBy: 'call-routing',
    });
  });

  it('refuses a call without a token, with a forged token, or addressed to another service', async () => {
    expect((await fetch(`${baseUrl}/internal/slots/next`)).status).toBe(401);
    await expect(
      client({ secret: 'another-secret-another-secret-another' }).get('/internal/slots/next'),
    ).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    await expect(client({ target: 'directory' }).get('/internal/slots/next')).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a service that is not on the allowed list', async () => {
    await expect(client({ caller: 'indicators' }).get('/internal/slots/next')).rejects.toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
  });

  it('passes typed refusals through with their code and field', async () => {
    const missing = client().post('/internal/slots/hold', {});
    await expect(missing).rejects.toBeInstanceOf(InternalRejectedError);
    await expect(missing).rejects.toMatchObject({ status: 400, code: 'SCHEDULING.INVALID_INPUT', field: 'slotStart' });
    await expect(client().post('/internal/slots/hold', { slotStart: 'x' })).rejects.toMatchObject({
      code: 'SCHEDULING.SLOT_TAKEN',
    });
  });

  it('answers every domain refusal with the status of its kind, through the one internal mapper', async () => {
    const missing = await fetch(`${baseUrl}/internal/slots/gone`, {
      headers: { authorization: `Bearer ${await signServiceToken('call-routing', 'scheduling', SECRET)}` },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      code: 'SCHEDULING.NOT_FOUND',
      message: 'holdId: Hold not found',
      field: 'holdId',
    });
    await expect(client().get('/internal/slots/gone')).rejects.toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('answers a database outage 503 and retryable, which the caller sees as unavailable', async () => {
    const answer = await fetch(`${baseUrl}/internal/slots/database-down`, {
      headers: { authorization: `Bearer ${await signServiceToken('call-routing', 'scheduling', SECRET)}` },
    });
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({ code: 'PLATFORM.UNAVAILABLE', retryable: true });
    const failure = client().get('/internal/slots/database-down');
    await expect(failure).rejects.toBeInstanceOf(InternalUnavailableError);
    await expect(failure).rejects.toMatchObject({ kind: 'unavailable', retryable: true });
  });

  it('gives up after its timeout so the caller can degrade', async () => {
    const started = Date.now();
    await expect(client().get('/internal/slots/slow')).rejects.toBeInstanceOf(InternalTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('reports an internal failure as unavailable without leaking its details', async () => {
    const failure = client().get('/internal/slots/broken');
    await expect(failure).rejects.toBeInstanceOf(InternalUnavailableError);
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });

  it('reports a service that is down as unavailable', async () => {
    const port = await freePort();
    await expect(client({ baseUrl: `http://127.0.0.1:${port}` }).get('/internal/slots/next')).rejects.toBeInstanceOf(
      InternalUnavailableError,
    );
  });
});
