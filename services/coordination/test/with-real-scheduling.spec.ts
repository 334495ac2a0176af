import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { signUserContext, USER_CONTEXT_HEADER, type Role, type UserContext } from '@msp/auth';
import { TOPICS } from '@msp/contracts';
import { freePort } from '@msp/infra';
import { InternalHttpClient } from '@msp/messaging';
import {
  expectEventually,
  startConsumerGroupAtEnd,
  SubgraphProcess,
  testKeys,
  testServicePrivateKey,
  uniqueSuffix,
  type GraphQLResult,
} from '@msp/testing';
import { CoordinationTestApp } from './fixtures/coordination-test-app';
import { MEETING_FIELDS, type MeetingView } from './fixtures/practice';

const ZONE = 'Europe/Paris';
const DURATION = 60;
const LIMIT = 12;

interface Span {
  start: number;
  end: number;
}

/** A running subgraph reached as the gateway reaches it: the caller's context signed for that service. */
class Subgraph {
  constructor(
    readonly url: string,
    private readonly service: 'directory' | 'scheduling',
  ) {}

  async gql<T>(query: string, variables: Record<string, unknown>, user: UserContext): Promise<GraphQLResult<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [USER_CONTEXT_HEADER]: await signUserContext(user, testKeys().userContext.privateKey, this.service),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  }

  async ok<T>(query: string, variables: Record<string, unknown>, user: UserContext): Promise<T> {
    const result = await this.gql<T>(query, variables, user);
    if (result.errors?.length) throw new Error(`${this.service}: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }
}

/** A weekly consulting range of one professional: the ISO weekdays, local times and the motif booked in it. */
interface RangePlan {
  weekdays: number[];
  from: string;
  to: string;
  motif: 'consultation' | 'homeVisit' | 'session';
  /** The share of the range's slots booked with patients. */
  density: number;
}

interface Professional {
  key: string;
  profession: string;
  ranges: RangePlan[];
}

const MON_FRI = [1, 2, 3, 4, 5];
/**
 * Six professionals as a practice lives: GPs' mornings and afternoons (one GP's Wednesday afternoon off, the other's
 * home visits over Tuesday and Thursday lunches), the nurse's early and late rounds, the physiotherapist's long days,
 * the psychologist's 45-minute sessions three days a week, the midwife's shorter lunch on her days.
 */
const TEAM: Professional[] = [
  {
    key: 'gpA',
    profession: 'general_practitioner',
    ranges: [
      { weekdays: MON_FRI, from: '08:30', to: '12:30', motif: 'consultation', density: 0.75 },
      { weekdays: [1, 2, 4, 5], from: '14:00', to: '19:00', motif: 'consultation', density: 0.75 },
    ],
  },
  {
    key: 'gpB',
    profession: 'general_practitioner',
    ranges: [
      { weekdays: MON_FRI, from: '08:30', to: '12:30', motif: 'consultation', density: 0.7 },
      { weekdays: [2, 4], from: '12:30', to: '13:30', motif: 'homeVisit', density: 0 },
      { weekdays: MON_FRI, from: '14:00', to: '19:00', motif: 'consultation', density: 0.7 },
    ],
  },
  {
    key: 'nurse',
    profession: 'nurse',
    ranges: [
      { weekdays: MON_FRI, from: '07:00', to: '11:30', motif: 'consultation', density: 0.6 },
      { weekdays: MON_FRI, from: '16:30', to: '19:30', motif: 'consultation', density: 0.6 },
    ],
  },
  {
    key: 'physio',
    profession: 'physiotherapist',
    ranges: [
      { weekdays: MON_FRI, from: '08:00', to: '12:30', motif: 'consultation', density: 0.8 },
      { weekdays: MON_FRI, from: '14:00', to: '19:30', motif: 'consultation', density: 0.8 },
    ],
  },
  {
    key: 'psychologist',
    profession: 'psychologist',
    ranges: [
      { weekdays: [2, 4, 5], from: '09:00', to: '12:30', motif: 'session', density: 0.7 },
      { weekdays: [2, 4, 5], from: '14:00', to: '19:00', motif: 'session', density: 0.7 },
    ],
  },
  {
    key: 'midwife',
    profession: 'midwife',
    ranges: [
      { weekdays: [1, 3, 5], from: '09:00', to: '12:00', motif: 'consultation', density: 0.5 },
      { weekdays: [1, 3, 5], from: '13:30', to: '18:00', motif: 'consultation', density: 0.5 },
    ],
  },
];
const MOTIF_MINUTES = { consultation: 20, homeVisit: 30, session: 45 } as const;

/** The same numbers every run: a failure reads the same twice. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const at = (day: DateTime, time: string) => {
  const [hour, minute] = time.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
};
const iso = (ms: number) => new Date(ms).toISOString();
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Touching or overlapping spans as one, sorted: how free/busy answers, whatever the order things were booked. */
function merged(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

interface ProposalView {
  startsAt: string;
  endsAt: string;
  freeCount: number;
  freeMemberIds: string[];
  missingMemberIds: string[];
  inConsultingHoursMemberIds: string[];
}

const PROPOSALS = `query($input: MeetingProposalsInput!) { meetingProposals(input: $input) {
  proposals { startsAt endsAt freeCount freeMemberIds missingMemberIds inConsultingHoursMemberIds }
  schedulingAvailable notice timeZone } }`;
const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const CANCEL_MEETING = `mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id status } }`;
const MEETING = `query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`;
const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id startsAt endsAt } }`;
const FREE_SLOTS = `query($input: FreeSlotSearchInput!) { freeSlots(input: $input) { practitionerId startsAt endsAt } }`;

interface FreeBusyAnswer {
  members: Array<{
    memberId: string;
    busy: Array<{ startsAt: string; endsAt: string }>;
    patientBusy: Array<{ startsAt: string; endsAt: string }>;
    consultingHours: Array<{ startsAt: string; endsAt: string }>;
  }>;
}

/**
 * COO-2 and the agenda blocks of ADR 0015 with the real directory and scheduling, each in a process of its own on its
 * database and consumer group, and coordination pointed at them: the practice is built through the directory's
 * GraphQL, the team reaches scheduling's and coordination's copies through Kafka, the agendas are booked through
 * scheduling's GraphQL, and the planner answers from scheduling's real free/busy. Every proposal is checked against
 * what the spec booked (a brute force independent of the planner) and against scheduling's free/busy.
 */
describe('planning a meeting against the real scheduling and directory', () => {
  let app: CoordinationTestApp;
  let directory: SubgraphProcess;
  let scheduling: SubgraphProcess;
  let directoryApi: Subgraph;
  let schedulingApi: Subgraph;
  let freeBusyClient: InternalHttpClient;

  let structureId: string;
  let siteId: string;
  let coordinator: UserContext;
  let secretary: UserContext;
  /** The six invited professionals' ids, by TEAM key. */
  const ids = new Map<string, string>();
  const motifIds = new Map<RangePlan['motif'], string>();
  /** What the spec booked and defined: the independent truth proposals are checked against. */
  const booked = new Map<string, Array<Span & { id: string }>>();
  const consulting = new Map<string, Span[]>();
  const absences = new Map<string, Span[]>();
  let from: DateTime;
  let to: DateTime;

  const invitedIds = () => TEAM.map((p) => ids.get(p.key) as string);
  const busyOf = (memberId: string): Span[] => [...(booked.get(memberId) ?? []), ...(absences.get(memberId) ?? [])];

  const freeBusy = (memberIds: string[], start: number, end: number) =>
    freeBusyClient.post<FreeBusyAnswer>('/internal/agenda/free-busy', {
      memberIds,
      from: iso(start),
      to: iso(end),
    });

  const propose = async (inviteeIds: string[]) => {
    const result = await app.gql<{
      meetingProposals: { proposals: ProposalView[]; schedulingAvailable: boolean; timeZone: string };
    }>(
      PROPOSALS,
      {
        input: {
          structureId,
          inviteeIds,
          from: from.toISO(),
          to: to.toISO(),
          durationMinutes: DURATION,
          limit: LIMIT,
        },
      },
      coordinator,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.meetingProposals;
  };

  /**
   * Every quarter hour of Mon–Fri 08:00–20:00 local, by what the spec booked (the organiser has no agenda: always
   * free): who is missing, which free invitees consult then; ranked by how many are missing, how many consult, then
   * time; each kept only when it overlaps no better one. Independent of the planner's code.
   */
  function bruteForceBest(memberIds: string[]): Array<{ startsAt: number; missing: string[]; consulting: string[] }> {
    const found: Array<{ startsAt: number; missing: string[]; consulting: string[] }> = [];
    for (let day = from; day < to; day = day.plus({ days: 1 })) {
      if (day.weekday > 5) continue;
      for (let start = at(day, '08:00'); start.plus({ minutes: DURATION }) <= at(day, '20:00');) {
        const slot = { start: start.toMillis(), end: start.plus({ minutes: DURATION }).toMillis() };
        const missing = memberIds.filter((id) => busyOf(id).some((b) => overlaps(b, slot))).sort();
        found.push({
          startsAt: slot.start,
          missing,
          consulting: memberIds
            .filter((id) => !missing.includes(id) && (consulting.get(id) ?? []).some((c) => overlaps(c, slot)))
            .sort(),
        });
        start = start.plus({ minutes: 15 });
      }
    }
    found.sort(
      (a, b) =>
        a.missing.length - b.missing.length || a.consulting.length - b.consulting.length || a.startsAt - b.startsAt,
    );
    const picked: typeof found = [];
    for (const slot of found)
      if (!picked.some((p) => Math.abs(p.startsAt - slot.startsAt) < DURATION * 60_000)) picked.push(slot);
    return picked;
  }

  const ranked = (proposals: ProposalView[]) =>
    proposals.map((p) => ({
      startsAt: p.startsAt,
      missing: p.missingMemberIds,
      consulting: p.inConsultingHoursMemberIds,
    }));
  const expectedRanking = (best: ReturnType<typeof bruteForceBest>) =>
    best.slice(0, LIMIT).map((b) => ({ startsAt: iso(b.startsAt), missing: b.missing, consulting: b.consulting }));

  async function buildPractice(): Promise<void> {
    const tag = uniqueSuffix();
    // No mutation creates a structure (an operator's step, CreateStructureHandler): its row and first administrator
    // are written as that handler writes them; everything else goes through the directory's GraphQL.
    structureId = randomUUID();
    const adminId = randomUUID();
    const db = new Client({ connectionString: directory.databaseUrl });
    await db.connect();
    try {
      await db.query(`insert into structure (id, kind, name) values ($1, 'MSP', $2)`, [structureId, `MSP ${tag}`]);
      await db.query(
        `insert into member (id, first_name, last_name, email, profession) values ($1, 'Agnès', 'Admin', $2, 'practice_manager')`,
        [adminId, `admin-${tag}@msp.test`],
      );
      await db.query(
        `insert into membership (member_id, structure_id, roles, joined_at) values ($1, $2, '{administrator}', now())`,
        [adminId, structureId],
      );
    } finally {
      await db.end();
    }
    const admin: UserContext = {
      memberId: adminId,
      memberships: [{ structureId, roles: ['administrator'], siteIds: [] }],
    };
    siteId = (
      await directoryApi.ok<{ openSite: { id: string } }>(
        `mutation($input: OpenSiteInput!) { openSite(input: $input) { id } }`,
        {
          input: {
            structureId,
            name: 'Maison de santé du Parc',
            addressLine: '4 allée des Tilleuls',
            postalCode: '44000',
            city: 'Nantes',
            phoneLines: ['02 40 00 00 00'],
            timeZone: ZONE,
            openingHours: MON_FRI.map((weekday) => ({ weekday, opens: '07:00', closes: '20:00' })),
          },
        },
        admin,
      )
    ).openSite.id;
    const add = async (key: string, profession: string, role: Role) => {
      const { addMember } = await directoryApi.ok<{ addMember: { id: string } }>(
        `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`,
        {
          input: {
            structureId,
            firstName: 'Test',
            lastName: `${key}${tag}`,
            email: `${key}-${tag}@msp.test`,
            profession,
            roles: [role],
            siteIds: [siteId],
          },
        },
        admin,
      );
      return addMember.id;
    };
    const contextOf = (memberId: string, role: Role): UserContext => ({
      memberId,
      memberships: [{ structureId, roles: [role], siteIds: [siteId] }],
    });
    coordinator = contextOf(await add('coordinator', 'care_coordinator', 'coordinator'), 'coordinator');
    secretary = contextOf(await add('secretary', 'medical_secretary', 'secretary'), 'secretary');
    for (const p of TEAM) ids.set(p.key, await add(p.key, p.profession, 'practitioner'));
  }

  async function registerPatients(count: number): Promise<string[]> {
    const patients: string[] = [];
    for (let i = 0; i < count; i++) {
      const { registerPatient } = await directoryApi.ok<{ registerPatient: { id: string } }>(
        `mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }`,
        {
          input: {
            structureId,
            firstName: 'Patient',
            lastName: `Numéro${i}`,
            birthDate: `19${50 + i}-0${1 + (i % 9)}-1${i % 10}`,
            phone: '06 12 34 56 78',
            medecinTraitantId: ids.get(i % 2 ? 'gpA' : 'gpB'),
          },
        },
        secretary,
      );
      patients.push(registerPatient.id);
    }
    return patients;
  }

  async function waitForCopies(): Promise<void> {
    const members = TEAM.length + 2;
    const db = new Client({ connectionString: scheduling.databaseUrl });
    await db.connect();
    try {
      await expectEventually(
        async () => {
          const { rows } = await db.query(`select count(*)::int as n from team_member where structure_id = $1`, [
            structureId,
          ]);
          expect(rows[0]).toEqual({ n: members });
          expect((await db.query(`select 1 from site_ref where site_id = $1`, [siteId])).rows).toHaveLength(1);
          const copy = await app.sql(`select count(*)::int as n from team_member where structure_id = $1`, [
            structureId,
          ]);
          expect(copy[0]).toEqual({ n: members });
          expect(await app.sql(`select 1 from site_ref where site_id = $1`, [siteId])).toHaveLength(1);
        },
        60_000,
        200,
      );
    } finally {
      await db.end();
    }
  }

  async function createMotifs(): Promise<void> {
    const motif = async (label: string, durationMinutes: number, channel: string, practitionerId?: string) =>
      (
        await schedulingApi.ok<{ createMotif: { id: string } }>(
          `mutation($input: CreateMotifInput!) { createMotif(input: $input) { id } }`,
          {
            input: {
              structureId,
              practitionerId,
              label,
              durationMinutes,
              channel,
              bookableBy: ['STAFF'],
              newPatientsAllowed: true,
            },
          },
          coordinator,
        )
      ).createMotif.id;
    motifIds.set('consultation', await motif('Consultation', MOTIF_MINUTES.consultation, 'CABINET'));
    motifIds.set('homeVisit', await motif('Visite à domicile', MOTIF_MINUTES.homeVisit, 'HOME_VISIT'));
    motifIds.set('session', await motif('Séance', MOTIF_MINUTES.session, 'CABINET', ids.get('psychologist') as string));
  }

  const book = (practitionerId: string, motif: RangePlan['motif'], startsAt: number, patientId: string) =>
    schedulingApi.gql<{ bookAppointment: { id: string; startsAt: string; endsAt: string } }>(
      BOOK,
      { input: { practitionerId, siteId, motifId: motifIds.get(motif), patientId, startsAt: iso(startsAt) } },
      secretary,
    );

  /** Each professional's ranges and a seeded share of their slots booked, one booking at a time per professional. */
  async function bookAgendas(patients: string[]): Promise<void> {
    await Promise.all(
      TEAM.map(async (p, index) => {
        const memberId = ids.get(p.key) as string;
        const random = seeded(17 + index * 31);
        const spans: Span[] = [];
        const appointments: Array<Span & { id: string }> = [];
        for (const range of p.ranges)
          await schedulingApi.ok(
            `mutation($input: DefineOpeningRangeInput!) { defineOpeningRange(input: $input) { id } }`,
            {
              input: {
                practitionerId: memberId,
                siteId,
                weekdays: range.weekdays,
                startTime: range.from,
                endTime: range.to,
                validFrom: from.minus({ days: 7 }).toISODate(),
                motifIds: [motifIds.get(range.motif)],
              },
            },
            secretary,
          );
        for (let day = from; day < to; day = day.plus({ days: 1 }))
          for (const range of p.ranges) {
            if (!range.weekdays.includes(day.weekday)) continue;
            const start = at(day, range.from);
            const end = at(day, range.to);
            spans.push({ start: start.toMillis(), end: end.toMillis() });
            const minutes = MOTIF_MINUTES[range.motif];
            for (let slot = start; slot.plus({ minutes }) <= end; slot = slot.plus({ minutes }))
              if (random() < range.density) {
                const result = await book(
                  memberId,
                  range.motif,
                  slot.toMillis(),
                  patients[(index * 2 + appointments.length) % patients.length],
                );
                if (result.errors?.length)
                  throw new Error(`booking ${p.key} ${slot.toISO()}: ${JSON.stringify(result.errors)}`);
                const a = result.data!.bookAppointment;
                appointments.push({ id: a.id, start: Date.parse(a.startsAt), end: Date.parse(a.endsAt) });
              }
          }
        // Home visits over two of the GP's lunches: the first Tuesday at 12:30, the second Thursday at 12:45.
        if (p.key === 'gpB')
          for (const visit of [at(from.plus({ days: 1 }), '12:30'), at(from.plus({ days: 10 }), '12:45')]) {
            const a = (
              await schedulingApi.ok<{ bookAppointment: { id: string; startsAt: string; endsAt: string } }>(
                BOOK,
                {
                  input: {
                    practitionerId: memberId,
                    siteId,
                    motifId: motifIds.get('homeVisit'),
                    patientId: patients[patients.length - 1],
                    startsAt: iso(visit.toMillis()),
                  },
                },
                secretary,
              )
            ).bookAppointment;
            appointments.push({ id: a.id, start: Date.parse(a.startsAt), end: Date.parse(a.endsAt) });
          }
        booked.set(memberId, appointments);
        consulting.set(memberId, spans);
      }),
    );
  }

  beforeAll(async () => {
    const ports = new Set<number>();
    while (ports.size < 3) ports.add(await freePort());
    const [directoryPort, schedulingPort, schedulingPublicPort] = [...ports];
    const directoryUrl = `http://127.0.0.1:${directoryPort}`;
    const schedulingUrl = `http://127.0.0.1:${schedulingPort}`;
    const schedulingGroup = `scheduling-for-coordination-${uniqueSuffix()}`;
    await startConsumerGroupAtEnd(schedulingGroup, [TOPICS.directory, TOPICS.scheduling, TOPICS.coordination]);
    // Each waits for itself only: the copies are rebuilt in the background or filled by the events.
    [directory, scheduling, app] = await Promise.all([
      SubgraphProcess.start('directory', directoryPort, 'coordination_real_directory'),
      SubgraphProcess.start('scheduling', schedulingPort, 'coordination_real_scheduling', {
        PUBLIC_PORT: String(schedulingPublicPort),
        KAFKA_CONSUMER_GROUP: schedulingGroup,
        DIRECTORY_INTERNAL_URL: directoryUrl,
        HOLD_SWEEP_SECONDS: '3600',
      }),
      CoordinationTestApp.start('coordination_real_scheduling', {
        env: {
          DIRECTORY_INTERNAL_URL: directoryUrl,
          SCHEDULING_INTERNAL_URL: schedulingUrl,
          COORDINATION_FREE_BUSY_TIMEOUT_MS: '5000',
        },
      }),
    ]);
    directoryApi = new Subgraph(directory.url, 'directory');
    schedulingApi = new Subgraph(scheduling.url, 'scheduling');
    freeBusyClient = new InternalHttpClient({
      caller: 'coordination',
      target: 'scheduling',
      baseUrl: scheduling.url,
      privateKey: testServicePrivateKey('coordination'),
      timeoutMs: 5_000,
    });
    // Two working weeks from next Monday, in the practice's zone.
    from = DateTime.now().setZone(ZONE).startOf('week').plus({ weeks: 1 });
    to = from.plus({ weeks: 2 });

    await buildPractice();
    const patients = await registerPatients(12);
    await waitForCopies();
    // A few hundred bookings, one at a time per professional through the real API: minutes on a loaded 2-core CI.
    await createMotifs();
    await bookAgendas(patients);
  }, 600_000);

  afterAll(async () => {
    await Promise.all([app?.stop(), directory?.stop(), scheduling?.stop()]);
  });

  it("books realistic agendas that scheduling's free/busy reports as the spec booked them", async () => {
    const count = [...booked.values()].reduce((n, list) => n + list.length, 0);
    expect(count).toBeGreaterThan(500);
    const answer = await freeBusy([coordinator.memberId, ...invitedIds()], from.toMillis(), to.toMillis());
    const toSpans = (list: Array<{ startsAt: string; endsAt: string }>) =>
      merged(list.map((s) => ({ start: Date.parse(s.startsAt), end: Date.parse(s.endsAt) })));
    for (const member of answer.members) {
      expect(toSpans(member.busy)).toEqual(merged(busyOf(member.memberId)));
      expect(toSpans(member.patientBusy)).toEqual(merged(booked.get(member.memberId) ?? []));
      expect(toSpans(member.consultingHours)).toEqual(merged(consulting.get(member.memberId) ?? []));
    }
    expect(answer.members.map((m) => m.memberId).sort()).toEqual([coordinator.memberId, ...invitedIds()].sort());
  });

  it('for 6 invited members over two weeks, the proposals are slots where all are free (checked against scheduling), ranked', async () => {
    const answer = await propose(invitedIds());
    expect(answer).toMatchObject({ schedulingAvailable: true, timeZone: ZONE });
    const best = bruteForceBest(invitedIds());
    // The whole ranking, as the brute force over what was booked finds it: all free first — lunches where nobody
    // consults, then those taking someone out of consulting hours — then the best partial ones, fewest missing first.
    expect(ranked(answer.proposals)).toEqual(expectedRanking(best));
    const allFree = answer.proposals.filter((p) => p.missingMemberIds.length === 0);
    expect(allFree.length).toBeGreaterThanOrEqual(5);
    expect(allFree.some((p) => p.inConsultingHoursMemberIds.length > 0)).toBe(true);
    expect(answer.proposals.length - allFree.length).toBeGreaterThan(0);
    const attendees = [coordinator.memberId, ...invitedIds()];
    for (const p of answer.proposals) {
      const start = Date.parse(p.startsAt);
      const end = Date.parse(p.endsAt);
      expect(end - start).toBe(DURATION * 60_000);
      expect(p.freeCount).toBe(attendees.length - p.missingMemberIds.length);
      expect([...p.freeMemberIds, ...p.missingMemberIds].sort()).toEqual([...attendees].sort());
      // Scheduling itself says exactly the missing ones are busy then: nobody else.
      const { members } = await freeBusy(attendees, start, end);
      expect(
        members
          .filter((m) => m.busy.length > 0)
          .map((m) => m.memberId)
          .sort(),
      ).toEqual(p.missingMemberIds);
    }
  });

  it('with one member fully booked, the best partial proposals name exactly who is missing', async () => {
    const physio = ids.get('physio') as string;
    const { declareAbsence } = await schedulingApi.ok<{ declareAbsence: { id: string } }>(
      `mutation($input: DeclareAbsenceInput!) { declareAbsence(input: $input) { id } }`,
      {
        input: {
          structureId,
          practitionerId: physio,
          kind: 'HOLIDAY',
          startsAt: from.toISO(),
          endsAt: to.toISO(),
        },
      },
      secretary,
    );
    absences.set(physio, [{ start: from.toMillis(), end: to.toMillis() }]);
    try {
      const answer = await propose(invitedIds());
      expect(answer.schedulingAvailable).toBe(true);
      expect(answer.proposals).toHaveLength(LIMIT);
      expect(ranked(answer.proposals)).toEqual(expectedRanking(bruteForceBest(invitedIds())));
      // The others are all free in the best ones: those name the physiotherapist, and only them.
      const others = invitedIds().filter((id) => id !== physio);
      const bestForOthers = bruteForceBest(others).filter((b) => b.missing.length === 0);
      expect(bestForOthers.length).toBeGreaterThanOrEqual(5);
      const partial = answer.proposals.slice(0, Math.min(LIMIT, bestForOthers.length));
      expect(partial.map((p) => p.startsAt)).toEqual(
        bestForOthers.slice(0, partial.length).map((b) => iso(b.startsAt)),
      );
      for (const p of answer.proposals) expect(p.missingMemberIds).toContain(physio);
      for (const p of partial) {
        expect(p.missingMemberIds).toEqual([physio]);
        expect(p.freeCount).toBe(others.length + 1);
        expect(p.freeMemberIds).not.toContain(physio);
        const { members } = await freeBusy(invitedIds(), Date.parse(p.startsAt), Date.parse(p.endsAt));
        expect(members.filter((m) => m.busy.length > 0).map((m) => m.memberId)).toEqual([physio]);
      }
    } finally {
      // Withdrawn before it began: the physiotherapist's agenda is as it was for what follows.
      await schedulingApi.ok(
        `mutation($input: EndAbsenceInput!) { endAbsence(input: $input) { id } }`,
        { input: { absenceId: declareAbsence.id } },
        secretary,
      );
      absences.delete(physio);
    }
  });

  it('a scheduled meeting blocks the attendees in scheduling (SLOT_TAKEN, no free slot) and cancelling frees them', async () => {
    const [best] = (await propose(invitedIds())).proposals;
    expect(best.missingMemberIds).toEqual([]);
    const meeting = { start: Date.parse(best.startsAt), end: Date.parse(best.endsAt) };
    const { scheduleMeeting } = await app.ok<{ scheduleMeeting: MeetingView }>(
      SCHEDULE,
      {
        input: {
          structureId,
          kind: 'rcp',
          title: 'RCP de la quinzaine',
          siteId,
          startsAt: best.startsAt,
          endsAt: best.endsAt,
          inviteeIds: invitedIds(),
        },
      },
      coordinator,
    );
    const attendees = [coordinator.memberId, ...invitedIds()].sort();
    const blockedFor = async () =>
      (await freeBusy(attendees, meeting.start, meeting.end)).members
        .filter((m) =>
          m.busy.some((b) => Date.parse(b.startsAt) <= meeting.start && Date.parse(b.endsAt) >= meeting.end),
        )
        .map((m) => m.memberId)
        .sort();
    const scheduledAt = Date.now();
    await expectEventually(async () => expect(await blockedFor()).toEqual(attendees), 10_000, 100);
    expect(Date.now() - scheduledAt).toBeLessThan(10_000);

    // The GP opens a range over the meeting that day: a patient there is refused, the search skips the meeting.
    const gpA = ids.get('gpA') as string;
    const day = DateTime.fromMillis(meeting.start, { zone: ZONE });
    await schedulingApi.ok(
      `mutation($input: DefineOpeningRangeInput!) { defineOpeningRange(input: $input) { id } }`,
      {
        input: {
          practitionerId: gpA,
          siteId,
          weekdays: [day.weekday],
          startTime: day.toFormat('HH:mm'),
          endTime: DateTime.fromMillis(meeting.end, { zone: ZONE }).toFormat('HH:mm'),
          validFrom: day.toISODate(),
          validUntil: day.toISODate(),
          motifIds: [motifIds.get('consultation')],
        },
      },
      secretary,
    );
    const patientId = (await registerPatients(1))[0];
    const overMeeting = meeting.start + 20 * 60_000;
    const refused = await book(gpA, 'consultation', overMeeting, patientId);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SCHEDULING.SLOT_TAKEN' });
    const slotsOfTheDay = async () =>
      (
        await schedulingApi.ok<{ freeSlots: Array<{ startsAt: string; endsAt: string }> }>(
          FREE_SLOTS,
          {
            input: {
              motifId: motifIds.get('consultation'),
              from: day.toISODate(),
              to: day.toISODate(),
              practitionerIds: [gpA],
            },
          },
          secretary,
        )
      ).freeSlots.map((s) => ({ start: Date.parse(s.startsAt), end: Date.parse(s.endsAt) }));
    expect((await slotsOfTheDay()).filter((s) => overlaps(s, meeting))).toEqual([]);

    const cancelled = await app.ok<{ cancelMeeting: { status: string } }>(
      CANCEL_MEETING,
      { input: { meetingId: scheduleMeeting.id, reason: 'Reportée' } },
      coordinator,
    );
    expect(cancelled.cancelMeeting.status).toBe('cancelled');
    await expectEventually(async () => expect(await blockedFor()).toEqual([]), 10_000, 100);
    // The range's three 20-minute slots over the meeting are offered again, and the patient is booked.
    expect((await slotsOfTheDay()).filter((s) => overlaps(s, meeting)).map((s) => iso(s.start))).toEqual(
      [0, 20, 40].map((m) => iso(meeting.start + m * 60_000)),
    );
    const accepted = await book(gpA, 'consultation', overMeeting, patientId);
    expect(accepted.errors).toBeUndefined();
    booked
      .get(gpA)
      ?.push({ id: accepted.data!.bookAppointment.id, start: overMeeting, end: overMeeting + 20 * 60_000 });
  });

  it('refuses a meeting over booked patients naming who, and with placeOverBookedPatients the invitation shows the refusal', async () => {
    // The second Wednesday, an hour from the GP's first appointment of the morning.
    const gpB = ids.get('gpB') as string;
    const wednesday = from.plus({ days: 9 });
    const first = (booked.get(gpB) ?? [])
      .filter((a) => a.start >= at(wednesday, '08:00').toMillis() && a.start < at(wednesday, '12:30').toMillis())
      .sort((a, b) => a.start - b.start)[0];
    expect(first).toBeDefined();
    const meeting = { start: first.start, end: first.start + DURATION * 60_000 };
    const expectedBusy = invitedIds()
      .map((id) => ({ id, count: (booked.get(id) ?? []).filter((a) => overlaps(a, meeting)).length }))
      .filter((m) => m.count > 0);
    expect(expectedBusy.map((m) => m.id)).toContain(gpB);
    const input = {
      structureId,
      kind: 'synthesis',
      title: 'Synthèse — patiente à domicile',
      siteId,
      startsAt: iso(meeting.start),
      endsAt: iso(meeting.end),
      inviteeIds: invitedIds(),
    };

    const refused = await app.gql(SCHEDULE, { input }, coordinator);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'COORDINATION.ATTENDEES_BUSY',
      field: 'input.startsAt',
    });
    const message = refused.errors?.[0]?.message ?? '';
    expect(
      invitedIds()
        .filter((id) => message.includes(id))
        .sort(),
    ).toEqual(expectedBusy.map((m) => m.id).sort());
    expect(
      await app.sql(`select 1 from meeting where structure_id = $1 and starts_at = $2`, [
        structureId,
        iso(meeting.start),
      ]),
    ).toEqual([]);

    const { scheduleMeeting: placed } = await app.ok<{ scheduleMeeting: MeetingView }>(
      SCHEDULE,
      { input: { ...input, placeOverBookedPatients: true } },
      coordinator,
    );
    expect(placed.status).toBe('scheduled');
    // Scheduling leaves the booked agendas as they are and says so; coordination shows it on each invitation.
    const expected = [coordinator.memberId, ...invitedIds()]
      .map((memberId) => {
        const count = expectedBusy.find((m) => m.id === memberId)?.count ?? 0;
        return { memberId, agendaRefused: count > 0, overlappingAppointments: count };
      })
      .sort((a, b) => a.memberId.localeCompare(b.memberId));
    await expectEventually(
      async () => {
        const { meeting: seen } = await app.ok<{ meeting: MeetingView }>(MEETING, { id: placed.id }, coordinator);
        expect(
          seen.invitations
            .map(({ memberId, agendaRefused, overlappingAppointments }) => ({
              memberId,
              agendaRefused,
              overlappingAppointments,
            }))
            .sort((a, b) => a.memberId.localeCompare(b.memberId)),
        ).toEqual(expected);
      },
      15_000,
      200,
    );
    // The others' agendas are blocked; the booked patients stay where they were.
    const { members } = await freeBusy([coordinator.memberId, ...invitedIds()], meeting.start, meeting.end);
    for (const m of members) {
      const refusedHere = expected.find((e) => e.memberId === m.memberId)?.agendaRefused;
      const blocked = m.busy.some(
        (b) => Date.parse(b.startsAt) <= meeting.start && Date.parse(b.endsAt) >= meeting.end,
      );
      if (!refusedHere) expect(blocked).toBe(true);
      else
        expect(
          merged(m.patientBusy.map((b) => ({ start: Date.parse(b.startsAt), end: Date.parse(b.endsAt) }))),
        ).toEqual(
          merged((booked.get(m.memberId) ?? []).filter((a) => overlaps(a, meeting))).map((s) => ({
            start: Math.max(s.start, meeting.start),
            end: Math.min(s.end, meeting.end),
          })),
        );
    }
  });
});
