import { DirectoryStub } from './fixtures/directory-stub';
import { publicCall } from './fixtures/public-api';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

describe('the public endpoints are rate-limited per client address', () => {
  let directory: DirectoryStub;
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;

  beforeAll(async () => {
    directory = await DirectoryStub.start();
    scheduling = await SchedulingTestApp.start('scheduling_rate_limit', {
      DIRECTORY_INTERNAL_URL: directory.url,
      PUBLIC_RATE_LIMIT_PER_MINUTE: '4',
      PUBLIC_BOOKING_LIMIT_PER_HOUR: '2',
    });
    agenda = await seedAgenda(scheduling);
  });

  afterAll(async () => {
    await scheduling?.stop();
    await directory?.stop();
  });

  it('answers 429 once the bookings per hour are spent, with a clear message, then the requests per minute', async () => {
    const attempt = (day: number) =>
      publicCall<{ code: string; message: string }>(
        scheduling.publicUrl,
        'POST',
        `/public/${agenda.structureId}/bookings`,
        {
          motifId: agenda.motifId,
          practitionerId: agenda.gpId,
          startsAt: siteTime(agenda, day, '10:00'),
          patient: { lastName: 'Inconnu', firstName: 'Test', birthDate: '1970-01-01', phone: '0600000000' },
        },
      );
    expect((await attempt(3)).status).toBe(202);
    expect((await attempt(4)).status).toBe(202);
    const limited = await attempt(5);
    expect(limited).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(limited.body.message).toMatch(/Too many requests/);
    // Reads are not counted against bookings, but the per-minute limit covers all public routes together: 4 per minute.
    const motifs = () => publicCall(scheduling.publicUrl, 'GET', `/public/${agenda.structureId}/motifs`);
    const statuses = [(await motifs()).status, (await motifs()).status];
    expect(statuses).toEqual([200, 429]);
    expect((await scheduling.sql(`select count(*)::int as n from online_booking_request`))[0]).toEqual({ n: 2 });
  });
});
