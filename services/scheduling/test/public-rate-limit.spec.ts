import { DataSource } from 'typeorm';
import { DirectoryStub } from './fixtures/directory-stub';
import { publicCall } from './fixtures/public-api';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

const LIMITS = {
  PUBLIC_RATE_LIMIT_PER_MINUTE: '4',
  PUBLIC_BOOKING_LIMIT_PER_HOUR: '2',
  // The spec's requests come from the loopback, standing for the gateway in front of the public routes.
  PUBLIC_TRUSTED_PROXIES: '127.0.0.1,::1',
};

describe('the public rate limit: per client address behind a trusted proxy, one budget for every replica', () => {
  let directory: DirectoryStub;
  let first: SchedulingTestApp;
  let second: SchedulingTestApp;
  let agenda: SeededAgenda;

  beforeAll(async () => {
    directory = await DirectoryStub.start();
    first = await SchedulingTestApp.start('scheduling_rate_limit', {
      DIRECTORY_INTERNAL_URL: directory.url,
      ...LIMITS,
    });
    agenda = await seedAgenda(first);
    // A second replica on the same database.
    const { url } = first.app.get(DataSource).options as { url: string };
    second = await SchedulingTestApp.start('scheduling_rate_limit_b', {
      DIRECTORY_INTERNAL_URL: directory.url,
      DATABASE_URL: url,
      ...LIMITS,
    });
  });

  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await directory?.stop();
  });

  const attempt = (replica: SchedulingTestApp, client: string, day: number) =>
    publicCall<{ code: string; message: string }>(
      replica.url,
      'POST',
      `/public/${agenda.structureId}/bookings`,
      {
        motifId: agenda.motifId,
        practitionerId: agenda.gpId,
        startsAt: siteTime(agenda, day, '10:00'),
        patient: { lastName: 'Inconnu', firstName: 'Test', birthDate: '1970-01-01', phone: '0600000000' },
      },
      { 'x-forwarded-for': client },
    );

  it('counts bookings and requests of one client together on both replicas, and answers 429 with a clear message', async () => {
    const client = '198.51.100.1';
    expect((await attempt(first, client, 3)).status).toBe(202);
    expect((await attempt(second, client, 4)).status).toBe(202);
    const limited = await attempt(first, client, 5);
    expect(limited).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(limited.body.message).toMatch(/Too many requests/);
    // Reads are not counted against bookings, but the per-minute limit covers all public routes together: 4 per minute.
    const motifs = (replica: SchedulingTestApp) =>
      publicCall(replica.url, 'GET', `/public/${agenda.structureId}/motifs`, undefined, { 'x-forwarded-for': client });
    expect([(await motifs(second)).status, (await motifs(first)).status]).toEqual([200, 429]);
    expect((await first.sql(`select count(*)::int as n from online_booking_request`))[0]).toEqual({ n: 2 });
  });

  it('keys the limit on the address the trusted proxy forwarded: another client has its own budget', async () => {
    expect((await attempt(second, '198.51.100.2', 6)).status).toBe(202);
  });

  it('does not let a client choose its address: what it prepends to X-Forwarded-For is ignored', async () => {
    const client = '198.51.100.3';
    expect((await attempt(first, `203.0.113.1, ${client}`, 7)).status).toBe(202);
    expect((await attempt(second, `203.0.113.2, ${client}`, 8)).status).toBe(202);
    expect((await attempt(first, `203.0.113.3, ${client}`, 9)).status).toBe(429);
  });
});
