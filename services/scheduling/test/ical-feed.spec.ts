import { randomUUID } from 'node:crypto';
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { DirectoryStub } from './fixtures/directory-stub';
import { BOOK, HOLD } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

// ical.js is an ES module whose CommonJS build is what Jest loads; the types come from the ESM declaration.
const ICAL = require('ical.js') as typeof ICALModule;

const CREATE = `mutation { createIcalFeed { url feed { id createdAt revokedAt } } }`;
const REVOKE = `mutation($id: ID!) { revokeIcalFeed(feedId: $id) { id revokedAt } }`;
const FEEDS = `query { myIcalFeeds { id revokedAt } }`;

interface ParsedEvent {
  uid: string;
  summary: string;
  location: string;
  start: string;
  end: string;
}

function parse(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
    };
  });
}

describe("a practitioner's secret iCalendar feed (SCH-10)", () => {
  let directory: DirectoryStub;
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;

  beforeAll(async () => {
    directory = await DirectoryStub.start();
    scheduling = await SchedulingTestApp.start('scheduling_ical', { DIRECTORY_INTERNAL_URL: directory.url });
    agenda = await seedAgenda(scheduling);
    directory.sites.set(agenda.siteId, { name: 'MSP des Lices – centre', address: '1 place des Lices, 35000 Rennes' });
  });

  afterAll(async () => {
    await scheduling?.stop();
    await directory?.stop();
  });

  it('shows busy time with motif and site, and nothing of the patients; revoked, the URL answers 404', async () => {
    const patientId = randomUUID();
    const slot = (day: number, time: string) => ({
      practitionerId: agenda.gpId,
      siteId: agenda.siteId,
      motifId: agenda.motifId,
      startsAt: siteTime(agenda, day, time),
    });
    const { bookAppointment } = await scheduling.ok<{ bookAppointment: { id: string } }>(
      BOOK,
      { input: { ...slot(2, '09:00'), patientId } },
      agenda.as.secretary,
    );
    const { holdSlot } = await scheduling.ok<{ holdSlot: { id: string } }>(
      HOLD,
      { input: slot(2, '10:00') },
      agenda.as.secretary,
    );
    await scheduling.ok(
      BOOK,
      { input: { ...slot(2, '11:00'), practitionerId: agenda.colleagueId, patientId } },
      agenda.as.secretary,
    );

    const { createIcalFeed } = await scheduling.ok<{ createIcalFeed: { url: string; feed: { id: string } } }>(
      CREATE,
      {},
      agenda.as.practitioner,
    );
    expect(createIcalFeed.url).toMatch(new RegExp(`^${scheduling.publicUrl}/ical/[A-Za-z0-9_-]{43}\\.ics$`));
    const response = await fetch(createIcalFeed.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await response.text();
    const events = parse(text);
    expect(events.map((e) => e.uid).sort()).toEqual([bookAppointment.id, holdSlot.id].sort());
    const booked = events.find((e) => e.uid === bookAppointment.id);
    expect(booked).toEqual({
      uid: bookAppointment.id,
      summary: 'Consultation 20',
      location: 'MSP des Lices – centre, 1 place des Lices, 35000 Rennes',
      start: new Date(slot(2, '09:00').startsAt).toISOString(),
      end: new Date(new Date(slot(2, '09:00').startsAt).getTime() + 20 * 60_000).toISOString(),
    });
    expect(text).not.toContain(patientId);
    expect(text).not.toMatch(/ATTENDEE|ORGANIZER|DESCRIPTION/);
    const stored = await scheduling.sql<{ token_hash: string }>(`select token_hash from ical_feed where id = $1`, [
      createIcalFeed.feed.id,
    ]);
    expect(createIcalFeed.url).not.toContain(stored[0].token_hash);

    await scheduling.ok(REVOKE, { id: createIcalFeed.feed.id }, agenda.as.practitioner);
    expect((await fetch(createIcalFeed.url)).status).toBe(404);
    const { myIcalFeeds } = await scheduling.ok<{ myIcalFeeds: Array<{ id: string; revokedAt: string | null }> }>(
      FEEDS,
      {},
      agenda.as.practitioner,
    );
    expect(myIcalFeeds).toEqual([{ id: createIcalFeed.feed.id, revokedAt: expect.any(String) }]);
  });

  it('an unknown token is 404; only practitioners create feeds, and only their own can be revoked', async () => {
    expect((await fetch(`${scheduling.publicUrl}/ical/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetch(`${scheduling.publicUrl}/ical/nope`)).status).toBe(404);
    const secretary = await scheduling.gql(CREATE, {}, agenda.as.secretary);
    expect(secretary.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { createIcalFeed } = await scheduling.ok<{ createIcalFeed: { feed: { id: string } } }>(
      CREATE,
      {},
      agenda.as.practitioner,
    );
    const colleague = { memberId: agenda.colleagueId, memberships: agenda.as.practitioner.memberships };
    const foreign = await scheduling.gql(REVOKE, { id: createIcalFeed.feed.id }, colleague);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'feedId' });
  });

  it('still serves the feed, without places, when the directory is down', async () => {
    const { createIcalFeed } = await scheduling.ok<{ createIcalFeed: { url: string } }>(
      CREATE,
      {},
      { memberId: agenda.colleagueId, memberships: agenda.as.practitioner.memberships },
    );
    directory.down = true;
    try {
      const response = await fetch(createIcalFeed.url);
      expect(response.status).toBe(200);
      expect(parse(await response.text())).toHaveLength(1);
    } finally {
      directory.down = false;
    }
  });
});
