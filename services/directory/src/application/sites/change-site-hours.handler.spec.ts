import { ChangeSiteHoursHandler } from '../../application/sites/change-site-hours.handler';
import type { OpeningHours } from '../../domain/opening-hours';
import { InMemoryDirectory, userIn } from '../../../test/fixtures/in-memory-directory';
import { expectInvalid, expectNotFound } from '../../../test/fixtures/refusals';

describe('changing a site’s opening hours', () => {
  let db: InMemoryDirectory;
  let handler: ChangeSiteHoursHandler;
  let structureId: string;
  let siteId: string;
  const admin = () => userIn(structureId, ['administrator']);
  const change = (openingHours: OpeningHours[], timeZone?: string) =>
    handler.execute(admin(), { siteId, openingHours, timeZone });

  beforeEach(() => {
    db = new InMemoryDirectory(new Date('2026-03-10T09:30:00Z'));
    handler = new ChangeSiteHoursHandler(db.transactions, db.outbox, db.clock, db.sites);
    structureId = db.structure().id;
    siteId = db.site(structureId).id;
  });

  it('accepts back-to-back ranges of one day and the same range on other days, and announces them', async () => {
    const hours = [
      { weekday: 1, opens: '08:00', closes: '12:00' },
      { weekday: 1, opens: '12:00', closes: '19:00' },
      { weekday: 2, opens: '08:00', closes: '12:00' },
    ];
    const site = await change(hours, 'Indian/Reunion');
    expect(site).toMatchObject({ openingHours: hours, timeZone: 'Indian/Reunion' });
    expect(await db.sites.findById(siteId)).toMatchObject({ openingHours: hours, timeZone: 'Indian/Reunion' });
    expect(db.events('directory.site.hours-changed.v1')).toEqual([
      { siteId, structureId, timeZone: 'Indian/Reunion', openingHours: hours, changedAt: '2026-03-10T09:30:00.000Z' },
    ]);
  });

  it('refuses ranges of one day that overlap, naming the later one, whatever the order given', async () => {
    await expectInvalid(
      change([
        { weekday: 3, opens: '14:00', closes: '18:00' },
        { weekday: 3, opens: '08:00', closes: '14:30' },
      ]),
      'input.openingHours[0]',
      /overlaps 08:00–14:30/,
    );
    await expectInvalid(
      change([
        { weekday: 3, opens: '08:00', closes: '18:00' },
        { weekday: 3, opens: '10:00', closes: '11:00' },
      ]),
      'input.openingHours[1]',
    );
    expect((await db.sites.findById(siteId))?.openingHours).toEqual([{ weekday: 1, opens: '08:00', closes: '19:00' }]);
    expect(db.state.events).toEqual([]);
  });

  it('refuses a range that closes before it opens, an impossible weekday or time, and a zone that is not IANA', async () => {
    await expectInvalid(change([{ weekday: 1, opens: '12:00', closes: '12:00' }]), 'input.openingHours[0].closes');
    await expectInvalid(change([{ weekday: 8, opens: '08:00', closes: '12:00' }]), 'input.openingHours[0].weekday');
    await expectInvalid(change([{ weekday: 1, opens: '8h', closes: '12:00' }]), 'input.openingHours[0].opens');
    await expectInvalid(change([], 'UTC+1'), 'input.timeZone');
  });

  it('keeps the time zone when none is given, and may close the site every day', async () => {
    expect(await change([])).toMatchObject({ openingHours: [], timeZone: 'Europe/Paris' });
  });

  it('does not find an unknown site', async () => {
    siteId = '6f1c1f8e-0000-4000-8000-000000000000';
    await expectNotFound(change([]));
  });
});
