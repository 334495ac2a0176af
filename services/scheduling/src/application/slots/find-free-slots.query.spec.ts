import { randomUUID } from 'node:crypto';
import { addDays, localDateOf } from '../../domain/local-date';
import { byStartThenPractitioner, generateFreeSlots, type PractitionerInterval } from '../../domain/slot-generator';
import { MultiSiteOffer } from './multi-site-offer';
import { FixedClock, InMemoryAgenda, InMemoryRooms, InMemorySiteTravel } from '../../../test/fixtures/in-memory-ports';
import { motif, range, STRUCTURE } from '../../../test/fixtures/domain-builders';
import { FindFreeSlotsQuery } from './find-free-slots.query';

/** Sites at both ends of the French time zones: Tahiti (UTC−10), Paris, Nouméa (UTC+11). */
const SITES = [
  { siteId: randomUUID(), structureId: STRUCTURE, timeZone: 'Pacific/Tahiti' },
  { siteId: randomUUID(), structureId: STRUCTURE, timeZone: 'Europe/Paris' },
  { siteId: randomUUID(), structureId: STRUCTURE, timeZone: 'Pacific/Noumea' },
];
const NOW = new Date('2026-12-01T06:00:00Z');

class AgendaWithBusyTime extends InMemoryAgenda {
  constructor(
    private readonly busyTime: PractitionerInterval[],
    ...args: ConstructorParameters<typeof InMemoryAgenda>
  ) {
    super(...args);
  }

  override async busy(): Promise<PractitionerInterval[]> {
    return this.busyTime;
  }
}

/** Three practitioners a site, mornings and afternoons on weekdays, one of them also on Saturdays, some time taken. */
function practice() {
  const consultation = motif({ id: randomUUID(), minNoticeMinutes: 0 });
  const practitioners = SITES.flatMap((site) => [0, 1, 2].map((i) => ({ id: randomUUID(), site, saturdays: i === 0 })));
  const ranges = practitioners.flatMap(({ id, site, saturdays }) => [
    range({ practitionerId: id, siteId: site.siteId, startTime: '08:00', endTime: '12:00' }),
    range({
      practitionerId: id,
      siteId: site.siteId,
      startTime: '14:00',
      endTime: '19:00',
      weekdays: saturdays ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5],
    }),
  ]);
  const busy = practitioners.flatMap(({ id }, p) =>
    Array.from({ length: 20 }, (_, k) => {
      const start = new Date(NOW.getTime() + (p * 7 + k * 13) * 3_600_000);
      return { practitionerId: id, start, end: new Date(start.getTime() + 40 * 60_000) };
    }),
  );
  const agenda = new AgendaWithBusyTime(
    busy,
    SITES,
    practitioners.map(({ id, site }) => ({
      memberId: id,
      structureId: STRUCTURE,
      profession: 'general_practitioner',
      roles: ['practitioner'],
      siteIds: [site.siteId],
    })),
    [consultation],
    ranges,
  );
  return { consultation, ranges, busy, agenda };
}

describe('FindFreeSlotsQuery', () => {
  it('answers the earliest slots across zones exactly as computing the whole window would, whatever the limit', async () => {
    const { consultation, ranges, busy, agenda } = practice();
    const query = new FindFreeSlotsQuery(
      agenda,
      new FixedClock(NOW),
      new MultiSiteOffer(new InMemorySiteTravel(), new InMemoryRooms()),
    );
    const from = '2026-12-01';
    const to = addDays(from, 13);
    const everything = SITES.flatMap((site) =>
      generateFreeSlots({
        timeZone: site.timeZone,
        ranges: ranges.filter((r) => r.siteId === site.siteId),
        exceptions: [],
        busy,
        motif: consultation,
        from,
        to,
        now: NOW,
        audience: 'staff',
      }),
    ).sort(byStartThenPractitioner);
    expect(everything.length).toBeGreaterThan(1500);

    // Limits reached exactly at the end of a local date, when Nouméa (UTC+11) has started the next date hours before
    // Tahiti (UTC−10) ends this one: the next date's early slots belong in the answer.
    const zoneOf = new Map<string, string>(SITES.map((site) => [site.siteId, site.timeZone]));
    const localDate = (slot: (typeof everything)[number]) =>
      localDateOf(new Date(slot.startsAt), zoneOf.get(slot.siteId) as string);
    const atDateEnds = [0, 1, 2, 3].map((d) => everything.filter((slot) => localDate(slot) <= addDays(from, d)).length);
    for (const limit of [1, 7, 60, 250, 900, 2000, ...atDateEnds]) {
      const answer = await query.execute({ motifId: consultation.id, from, to, limit }, () => undefined);
      expect({ limit, answer }).toEqual({ limit, answer: everything.slice(0, limit) });
    }
  });
});
