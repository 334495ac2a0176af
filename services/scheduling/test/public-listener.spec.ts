import { DirectoryStub } from './fixtures/directory-stub';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, type SeededAgenda } from './fixtures/seed-agenda';

const CREATE = `mutation { createIcalFeed { url } }`;

/** Only the public surface faces the internet: each listener answers its own routes and nothing of the other's. */
describe('the public listener (PUBLIC_PORT) apart from the private port', () => {
  let directory: DirectoryStub;
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;
  let feedUrl: string;

  beforeAll(async () => {
    directory = await DirectoryStub.start();
    scheduling = await SchedulingTestApp.start('scheduling_public_listener', { DIRECTORY_INTERNAL_URL: directory.url });
    agenda = await seedAgenda(scheduling);
    feedUrl = (await scheduling.ok<{ createIcalFeed: { url: string } }>(CREATE, {}, agenda.as.practitioner))
      .createIcalFeed.url;
  });

  afterAll(async () => {
    await scheduling?.stop();
    await directory?.stop();
  });

  const status = async (url: string, init?: RequestInit) => (await fetch(url, init)).status;

  it('serves the booking page, the calendar feeds and its own health on the public port', async () => {
    expect(feedUrl.startsWith(`${scheduling.publicUrl}/ical/`)).toBe(true);
    expect(await status(feedUrl)).toBe(200);
    expect(await status(`${scheduling.publicUrl}/public/${agenda.structureId}/motifs`)).toBe(200);
    expect(await status(`${scheduling.publicUrl}/health/live`)).toBe(200);
    expect(await status(`${scheduling.publicUrl}/health/ready`)).toBe(200);
  });

  it('answers 404 on the main port for /public and /ical, whatever the case or encoding of the path', async () => {
    const feedPath = new URL(feedUrl).pathname;
    expect(await status(`${scheduling.url}${feedPath}`)).toBe(404);
    expect(await status(`${scheduling.url}${feedPath.toUpperCase().replace('.ICS', '.ics')}`)).toBe(404);
    expect(await status(`${scheduling.url}/public/${agenda.structureId}/motifs`)).toBe(404);
    expect(await status(`${scheduling.url}/PUBLIC/${agenda.structureId}/motifs`)).toBe(404);
    expect(await status(`${scheduling.url}/%70ublic/${agenda.structureId}/motifs`)).toBe(404);
    expect(await status(`${scheduling.url}/public/${agenda.structureId}/bookings`, { method: 'POST' })).toBe(404);
  });

  it('does not answer /graphql, /internal or /metrics on the public port', async () => {
    const graphql = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    };
    expect(await status(`${scheduling.publicUrl}/graphql`, graphql)).toBe(404);
    expect(await status(`${scheduling.publicUrl}/GraphQL`, graphql)).toBe(404);
    expect(await status(`${scheduling.publicUrl}/internal/agenda/holds`, { method: 'POST' })).toBe(404);
    expect(await status(`${scheduling.publicUrl}/metrics`)).toBe(404);
    // …which the main port still serves.
    expect(await status(`${scheduling.url}/graphql`, graphql)).toBe(200);
    expect(await status(`${scheduling.url}/metrics`)).toBe(200);
  });
});
