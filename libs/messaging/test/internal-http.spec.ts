import { Body, Get, Module, Post, Req, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { conflict, invalidInput, notFound } from '@msp/errors';
import { freePort } from '@msp/infra';
import { generateSigningKeyPair } from '@msp/auth';
import {
  AllowedCallers,
  DevelopmentOnly,
  InternalApiController,
  InternalApiModule,
  InternalHttpClient,
  InternalRejectedError,
  InternalTimeoutError,
  InternalUnavailableError,
  signServiceToken,
} from '../src';

const KEYS = {
  'call-routing': generateSigningKeyPair(),
  coordination: generateSigningKeyPair(),
  indicators: generateSigningKeyPair(),
};
const CALLER_KEYS = Object.entries(KEYS)
  .map(([name, pair]) => `${name}=${pair.publicKey}`)
  .join(',');
const tokenFor = (path: string, method = 'GET', caller: keyof typeof KEYS = 'call-routing') =>
  signServiceToken({ caller, target: 'scheduling', method, path }, KEYS[caller].privateKey);

@InternalApiController('slots', { callers: ['call-routing', 'coordination'] })
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

  @Get('release')
  @AllowedCallers('coordination')
  releaseStatus() {
    return { released: false };
  }

  @Post('release')
  @AllowedCallers('coordination')
  release() {
    return { released: true };
  }

  @Get('by-email')
  @DevelopmentOnly()
  byEmail() {
    return { found: true };
  }
}

/** The same routes on a service started with INTERNAL_DEVELOPMENT_ROUTES=on. */
async function startScheduling(developmentRoutes: boolean): Promise<[INestApplication, string]> {
  @Module({
    imports: [InternalApiModule.forRoot({ serviceName: 'scheduling', callerKeys: CALLER_KEYS, developmentRoutes })],
    controllers: [SlotsController],
  })
  class SchedulingInternalApi {}
  const moduleRef = await Test.createTestingModule({ imports: [SchedulingInternalApi] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  return [app, `http://127.0.0.1:${port}`];
}

describe('internal HTTP client and server', () => {
  let app: INestApplication;
  let baseUrl: string;
  const client = (overrides: Partial<ConstructorParameters<typeof InternalHttpClient>[0]> = {}) =>
    new InternalHttpClient({
      caller: 'call-routing',
      target: 'scheduling',
      baseUrl,
      privateKey: KEYS['call-routing'].privateKey,
      timeoutMs: 500,
      ...overrides,
    });

  beforeAll(async () => {
    [app, baseUrl] = await startScheduling(false);
  });

  afterAll(() => app.close());

  it('answers a signed call and tells the endpoint who is calling', async () => {
    await expect(client().get('/internal/slots/next')).resolves.toEqual({
      slots: ['2026-11-24T08:00:00Z'],
      askedBy: 'call-routing',
    });
  });

  it('refuses a call without a token, or addressed to another service', async () => {
    expect((await fetch(`${baseUrl}/internal/slots/next`)).status).toBe(401);
    await expect(client({ target: 'directory' }).get('/internal/slots/next')).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a token signed with another service key than the caller it names', async () => {
    // A compromised coordination service signs with its own key but claims to be call-routing.
    const claimsCallRouting = client({ caller: 'call-routing', privateKey: KEYS.coordination.privateKey });
    await expect(claimsCallRouting.get('/internal/slots/next')).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    const unknown = client({ caller: 'call-routing', privateKey: generateSigningKeyPair().privateKey });
    await expect(unknown.get('/internal/slots/next')).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a token replayed on another route, another method or another query', async () => {
    const call = async (path: string, method: string, token: string) =>
      (await fetch(`${baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}` } })).status;
    const forNext = await tokenFor('/internal/slots/next');
    expect(await call('/internal/slots/next', 'GET', forNext)).toBe(200);
    expect(await call('/internal/slots/gone', 'GET', forNext)).toBe(401);
    expect(await call('/internal/slots/next?all=1', 'GET', forNext)).toBe(401);
    const forRelease = await tokenFor('/internal/slots/release', 'POST', 'coordination');
    expect(await call('/internal/slots/release', 'GET', forRelease)).toBe(401);
    expect(await call('/internal/slots/release', 'POST', forRelease)).toBe(201);
  });

  it('answers 403 to a service that is not among the allowed callers of the route', async () => {
    await expect(
      client({ caller: 'indicators', privateKey: KEYS.indicators.privateKey }).get('/internal/slots/next'),
    ).rejects.toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    // call-routing may call the controller, not its coordination-only route
    await expect(client().post('/internal/slots/release', {})).rejects.toMatchObject({ status: 403 });
  });

  it('hides a development-only route (404) unless development routes are switched on', async () => {
    await expect(client().get('/internal/slots/by-email')).rejects.toMatchObject({ status: 404 });
    expect((await fetch(`${baseUrl}/internal/slots/by-email`)).status).toBe(404);
    const [development, developmentUrl] = await startScheduling(true);
    try {
      await expect(client({ baseUrl: developmentUrl }).get('/internal/slots/by-email')).resolves.toEqual({
        found: true,
      });
    } finally {
      await development.close();
    }
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
      headers: { authorization: `Bearer ${await tokenFor('/internal/slots/gone')}` },
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
      headers: { authorization: `Bearer ${await tokenFor('/internal/slots/database-down')}` },
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
