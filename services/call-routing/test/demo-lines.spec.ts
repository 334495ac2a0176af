import { randomUUID } from 'node:crypto';
import { expectEventually, TestEventPublisher } from '@msp/testing';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';
import { USUAL_HOURS } from './fixtures/practice';

describe('demo data: the demo practices answer the phone on the default rulebook (CALL_ROUTING_DEMO_DATA=load)', () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('demo_lines', { CALL_ROUTING_DEMO_DATA: 'load' });
    events = await TestEventPublisher.start('call-routing-spec-demo');
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  it("gives each site a line with its directory numbers and scheduling's phone-booking motif, once they exist", async () => {
    const structureId = randomUUID();
    const [lices, ouest] = [randomUUID(), randomUUID()];
    const motifId = randomUUID();
    app.directory.sites.set(lices, {
      name: 'MSP des Lices',
      address: '12 place des Lices, 35000 Rennes',
      structureId,
      timeZone: 'Europe/Paris',
      phoneLines: ['+33299094120', '+33299094121'],
    });
    app.directory.sites.set(ouest, {
      name: 'MSP des Lices — Ouest',
      address: '4 rue de Brest, 35000 Rennes',
      structureId,
      timeZone: 'Europe/Paris',
      phoneLines: ['+33299603850'],
    });
    for (const siteId of [lices, ouest])
      await events.publish('directory.site.opened.v1', {
        siteId,
        structureId,
        timeZone: 'Europe/Paris',
        openingHours: USUAL_HOURS,
        openedAt: new Date().toISOString(),
      });
    // Scheduling's demo motifs arrive after the sites: the loader waits for them.
    await expectEventually(
      async () =>
        expect(await app.sql(`select number, desk_number from phone_line order by number`)).toEqual([
          { number: '+33299094120', desk_number: '+33299094121' },
          { number: '+33299603850', desk_number: '+33299603851' },
        ]),
      30_000,
      250,
    );
    app.scheduling.phoneMotifs.set(structureId, motifId);
    await expectEventually(
      async () =>
        expect(await app.sql(`select site_id, booking_motif_id from site_call_settings order by site_id`)).toEqual(
          [lices, ouest].sort().map((siteId) => ({ site_id: siteId, booking_motif_id: motifId })),
        ),
      30_000,
      250,
    );
  });
});
