import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { TestEventPublisher } from '@msp/testing';
import { Clock } from '@msp/service-kit';
import { CoordinationTestApp } from './fixtures/coordination-test-app';
import { openPractice, type Practice, type PracticeMember } from './fixtures/practice';

const ZONE = 'Europe/Paris';
const NOW = new Date('2026-11-30T08:00:00.000Z');
// Two working weeks in Paris: Monday 7 to Saturday 19 December 2026.
const FROM = DateTime.fromISO('2026-12-07T00:00', { zone: ZONE });
const TO = DateTime.fromISO('2026-12-19T00:00', { zone: ZONE });
const DURATION = 60;

interface Span {
  startsAt: string;
  endsAt: string;
}
interface Agenda {
  busy: Span[];
  consultingHours: Span[];
}

/** The share of 20-minute slots booked in consulting hours. */
const DENSITY: Record<string, number> = {
  general_practitioner: 0.75,
  physiotherapist: 0.8,
  nurse: 0.6,
  pharmacist: 0.1,
};

/** The same numbers every run: a failure reads the same twice. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const local = (day: DateTime, time: string) => {
  const [hour, minute] = time.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
};
const iso = (t: DateTime) => t.toUTC().toISO() as string;

/**
 * A week as the practice's professionals live it: consulting ranges (morning, afternoon into the evening), 20-minute
 * appointments taking most of a physician's or physiotherapist's time, home visits over some lunch breaks, a GP's
 * Wednesday afternoon off; the nurse's rounds start early; the pharmacist's counter hours are long but hold few
 * appointments (vaccinations, medication reviews).
 */
function realisticAgenda(profession: string, seed: number): Agenda {
  const random = seeded(seed);
  const ranges: Array<[string, string]> =
    profession === 'nurse'
      ? [
          ['07:00', '11:30'],
          ['16:30', '19:30'],
        ]
      : profession === 'pharmacist'
        ? [['08:30', '19:30']]
        : [
            ['08:30', '12:30'],
            ['14:00', '19:00'],
          ];
  const agenda: Agenda = { busy: [], consultingHours: [] };
  for (let day = FROM; day < TO; day = day.plus({ days: 1 })) {
    if (day.weekday > 5) continue;
    for (const [from, to] of ranges) {
      const start = local(day, from);
      const end = local(day, to);
      agenda.consultingHours.push({ startsAt: iso(start), endsAt: iso(end) });
      if (profession === 'general_practitioner' && day.weekday === 3 && from >= '14:00') {
        agenda.busy.push({ startsAt: iso(start), endsAt: iso(end) });
        continue;
      }
      for (let slot = start; slot < end; slot = slot.plus({ minutes: 20 }))
        if (random() < (DENSITY[profession] ?? 0.75))
          agenda.busy.push({ startsAt: iso(slot), endsAt: iso(slot.plus({ minutes: 20 })) });
    }
    if (profession !== 'pharmacist' && random() < 0.1)
      agenda.busy.push({ startsAt: iso(local(day, '12:30')), endsAt: iso(local(day, '13:45')) });
  }
  return agenda;
}

const overlaps = (a: Span, startsAt: Date, endsAt: Date) =>
  Date.parse(a.startsAt) < endsAt.getTime() && startsAt.getTime() < Date.parse(a.endsAt);

interface ProposalView {
  startsAt: string;
  endsAt: string;
  freeCount: number;
  freeMemberIds: string[];
  missingMemberIds: string[];
  inConsultingHoursMemberIds: string[];
}
interface Proposals {
  proposals: ProposalView[];
  schedulingAvailable: boolean;
  notice: string | null;
  timeZone: string;
}

const PROPOSALS = `query($input: MeetingProposalsInput!) { meetingProposals(input: $input) {
  proposals { startsAt endsAt freeCount freeMemberIds missingMemberIds inConsultingHoursMemberIds }
  schedulingAvailable notice timeZone } }`;

/**
 * COO-2: the planner's proposals from scheduling's free/busy. Scheduling is its stub here, answering from agendas the
 * spec generates; every proposal is checked against those agendas independently of the planner's code.
 */
describe('planning a meeting: proposals from the invitees’ agendas', () => {
  let app: CoordinationTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  let invited: PracticeMember[];
  let agendas: Map<string, Agenda>;

  const serveAgendas = () =>
    app.scheduling.routes.set('POST /internal/agenda/free-busy', ({ body }) => {
      const { memberIds, from, to } = body as { memberIds: string[]; from: string; to: string };
      const inWindow = (spans: Span[]) =>
        spans.filter((s) => Date.parse(s.endsAt) > Date.parse(from) && Date.parse(s.startsAt) < Date.parse(to));
      return {
        status: 200,
        body: {
          from,
          to,
          members: memberIds.map((memberId) => {
            const agenda = agendas.get(memberId) ?? { busy: [], consultingHours: [] };
            return { memberId, busy: inWindow(agenda.busy), consultingHours: inWindow(agenda.consultingHours) };
          }),
        },
      };
    });

  const propose = (who: PracticeMember, extra: Record<string, unknown> = {}) =>
    app.gql<{ meetingProposals: Proposals }>(
      PROPOSALS,
      {
        input: {
          structureId: practice.structureId,
          inviteeIds: invited.map((m) => m.id),
          from: FROM.toISO(),
          to: TO.toISO(),
          durationMinutes: DURATION,
          limit: 8,
          ...extra,
        },
      },
      who.user,
    );

  beforeAll(async () => {
    events = await TestEventPublisher.start('coordination-spec-planning');
    app = await CoordinationTestApp.start('coordination_planning');
    practice = await openPractice(app, events, ZONE);
    invited = [...practice.gps, practice.nurse, practice.physio, practice.pharmacist];
  });

  beforeEach(() => {
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(NOW);
    agendas = new Map(invited.map((m, i) => [m.id, realisticAgenda(m.profession, 17 + i * 31)]));
    app.scheduling.down = false;
    app.scheduling.delayMs = 0;
    serveAgendas();
  });

  afterAll(async () => {
    await app?.stop();
    await events?.stop();
  });

  /** Every quarter-hour start of Mon–Fri 08:00–20:00 where all are free, by how many consult then, then by time. */
  function bruteForceBest(memberIds: string[]): Array<{ startsAt: Date; consulting: number }> {
    const found: Array<{ startsAt: Date; consulting: number }> = [];
    for (let day = FROM; day < TO; day = day.plus({ days: 1 })) {
      if (day.weekday > 5) continue;
      for (let start = local(day, '08:00'); start.plus({ minutes: DURATION }) <= local(day, '20:00');) {
        const startsAt = start.toJSDate();
        const endsAt = start.plus({ minutes: DURATION }).toJSDate();
        const agendasOf = memberIds.map((id) => agendas.get(id) ?? { busy: [], consultingHours: [] });
        if (agendasOf.every((a) => !a.busy.some((b) => overlaps(b, startsAt, endsAt))))
          found.push({
            startsAt,
            consulting: agendasOf.filter((a) => a.consultingHours.some((c) => overlaps(c, startsAt, endsAt))).length,
          });
        start = start.plus({ minutes: 15 });
      }
    }
    found.sort((a, b) => a.consulting - b.consulting || a.startsAt.getTime() - b.startsAt.getTime());
    // Then, best first, the ones that overlap no better one: the same meeting a quarter of an hour later is no option.
    const picked: typeof found = [];
    for (const slot of found)
      if (!picked.some((p) => Math.abs(p.startsAt.getTime() - slot.startsAt.getTime()) < DURATION * 60_000))
        picked.push(slot);
    return picked;
  }

  it('for 6 invited members over two weeks, proposes slots where all are free, ranked, from one free/busy call', async () => {
    const before = app.scheduling.requests.length;
    const result = await propose(practice.coordinator);
    expect(result.errors).toBeUndefined();
    const answer = result.data?.meetingProposals as Proposals;
    expect(answer).toMatchObject({ schedulingAvailable: true, notice: null, timeZone: ZONE });

    const calls = app.scheduling.requests.slice(before);
    expect(calls).toHaveLength(1);
    const asked = calls[0].body as { memberIds: string[]; from: string; to: string };
    // The organiser is always invited: their time counts too (a coordinator without an agenda in scheduling is free).
    expect([...asked.memberIds].sort()).toEqual([practice.coordinator.id, ...invited.map((m) => m.id)].sort());
    expect(new Date(asked.from).toISOString()).toBe(FROM.toUTC().toISO());

    const best = bruteForceBest(invited.map((m) => m.id));
    expect(best.length).toBeGreaterThanOrEqual(3);
    const allFree = answer.proposals.filter((p) => p.missingMemberIds.length === 0);
    // Exactly the slots where all are free, found by brute force over the agendas, best first…
    expect(allFree.map((p) => p.startsAt)).toEqual(best.slice(0, 8).map((b) => b.startsAt.toISOString()));
    // …then, when they are fewer than asked, the best partial ones, by how many are missing.
    expect(answer.proposals).toHaveLength(8);
    expect(answer.proposals.slice(0, allFree.length)).toEqual(allFree);
    const missing = answer.proposals.map((p) => p.missingMemberIds.length);
    expect([...missing].sort((a, b) => a - b)).toEqual(missing);
    for (const p of allFree) {
      const startsAt = new Date(p.startsAt);
      const endsAt = new Date(p.endsAt);
      expect(endsAt.getTime() - startsAt.getTime()).toBe(DURATION * 60_000);
      expect(p).toMatchObject({ missingMemberIds: [], freeCount: invited.length + 1 });
      // Checked against the agendas themselves: nobody invited is busy at any moment of the slot.
      for (const member of invited)
        expect(agendas.get(member.id)?.busy.filter((b) => overlaps(b, startsAt, endsAt))).toEqual([]);
      const start = DateTime.fromJSDate(startsAt, { zone: ZONE });
      const end = DateTime.fromJSDate(endsAt, { zone: ZONE });
      expect(start.weekday).toBeLessThanOrEqual(5);
      expect(start.minute % 15).toBe(0);
      expect(start.toFormat('HH:mm') >= '08:00' && end.toFormat('HH:mm') <= '20:00').toBe(true);
      // What the planner says of consulting hours is what the agendas say.
      const consulting = invited
        .filter((m) => agendas.get(m.id)?.consultingHours.some((c) => overlaps(c, startsAt, endsAt)))
        .map((m) => m.id)
        .sort();
      expect(p.inConsultingHoursMemberIds).toEqual(consulting);
    }
    expect(allFree.map((p) => p.inConsultingHoursMemberIds.length)).toEqual(
      best.slice(0, allFree.length).map((b) => b.consulting),
    );
    for (const p of answer.proposals.slice(allFree.length))
      for (const member of invited)
        expect(agendas.get(member.id)?.busy.some((b) => overlaps(b, new Date(p.startsAt), new Date(p.endsAt)))).toBe(
          p.missingMemberIds.includes(member.id),
        );
  });

  it('with one member fully booked, the best partial proposals name who is missing', async () => {
    const booked = practice.gps[1];
    agendas.set(booked.id, {
      busy: [{ startsAt: iso(FROM), endsAt: iso(TO) }],
      consultingHours: agendas.get(booked.id)?.consultingHours ?? [],
    });
    const answer = (await propose(practice.coordinator)).data?.meetingProposals as Proposals;
    expect(answer.schedulingAvailable).toBe(true);
    expect(answer.proposals.length).toBe(8);
    const others = invited.filter((m) => m !== booked);
    const bestForOthers = bruteForceBest(others.map((m) => m.id));
    expect(bestForOthers.length).toBeGreaterThanOrEqual(3);
    const partial = answer.proposals.slice(0, Math.min(8, bestForOthers.length));
    expect(partial.map((p) => p.startsAt)).toEqual(
      bestForOthers.slice(0, partial.length).map((b) => b.startsAt.toISOString()),
    );
    for (const p of answer.proposals) expect(p.missingMemberIds).toContain(booked.id);
    for (const p of partial) {
      expect(p.missingMemberIds).toEqual([booked.id]);
      expect(p.freeCount).toBe(others.length + 1);
      expect(p.freeMemberIds).not.toContain(booked.id);
      for (const member of others)
        expect(agendas.get(member.id)?.busy.some((b) => overlaps(b, new Date(p.startsAt), new Date(p.endsAt)))).toBe(
          false,
        );
    }
  });

  it('plans without proposals, and says so, when scheduling is down', async () => {
    app.scheduling.down = true;
    const result = await propose(practice.coordinator);
    expect(result.errors).toBeUndefined();
    expect(result.data?.meetingProposals).toMatchObject({ proposals: [], schedulingAvailable: false });
    expect(result.data?.meetingProposals.notice).toMatch(/aucune proposition/);
  });

  it('plans without proposals when scheduling takes 2 s against a patience of 800 ms', async () => {
    app.scheduling.delayMs = 2_000;
    const started = Date.now();
    const result = await propose(practice.coordinator);
    expect(Date.now() - started).toBeLessThan(1_900);
    expect(result.errors).toBeUndefined();
    expect(result.data?.meetingProposals).toMatchObject({ proposals: [], schedulingAvailable: false });
    expect(result.data?.meetingProposals.notice).toMatch(/planifier la réunion vous-même/);
  });

  it('refuses an invitee of another structure by position, a window over 62 days, and a secretary', async () => {
    invited = [practice.nurse, { ...practice.nurse, id: randomUUID() }];
    const stranger = await propose(practice.coordinator);
    expect(stranger.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.inviteeIds[1]',
    });
    invited = [practice.nurse];
    const long = await propose(practice.coordinator, { to: FROM.plus({ days: 63 }).toISO() });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
    const hours = await propose(practice.coordinator, { earliestLocalTime: '19:00', latestLocalTime: '19:30' });
    expect(hours.errors?.[0]?.extensions).toMatchObject({ field: 'input.latestLocalTime' });
    const secretary = await propose(practice.secretary);
    expect(secretary.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const outsider = await propose({
      ...practice.coordinator,
      user: {
        memberId: randomUUID(),
        memberships: [{ structureId: randomUUID(), roles: ['coordinator'], siteIds: [] }],
      },
    });
    expect(outsider.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.structureId' });
    invited = [...practice.gps, practice.nurse, practice.physio, practice.pharmacist];
  });
});
