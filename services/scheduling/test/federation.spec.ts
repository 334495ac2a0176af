import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { DateTime } from 'luxon';
import { parse } from 'graphql';
import { Client } from 'pg';
import type { UserContext } from '@msp/auth';
import { freePort } from '@msp/infra';
import { InternalHttpClient } from '@msp/messaging';
import {
  expectEventually,
  SubgraphProcess,
  testServicePrivateKey,
  type TestService,
  SignedContextDataSource,
  subgraphSdl,
  type TestCaller,
} from '@msp/testing';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';

type Caller = TestCaller;

/**
 * Scheduling and the real directory (demo data) composed into one supergraph and queried through an Apollo gateway,
 * as the platform's gateway does: a member's agenda joins the directory's Member, the patient of an appointment is
 * resolved (and access-logged) by the directory, and only for those who may see it.
 */
describe('scheduling and the directory compose and join through a gateway (SCH-7, SCH-11)', () => {
  let directory: SubgraphProcess;
  let scheduling: SchedulingTestApp;
  let gateway: ApolloServer<Caller>;
  let gatewayStarted = false;
  let schedulingSdl: string;
  let composition: ReturnType<typeof composeServices>;
  const members: Record<string, UserContext> = {};

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_federation', {
      SCHEDULING_DEMO_DATA: 'load',
      LOG_LEVEL: 'warn',
    });
    // The directory's development routes on: specs look demo members up by e-mail, as `npm run token` does.
    directory = await SubgraphProcess.start('directory', await freePort(), 'scheduling_directory', {
      DIRECTORY_DEMO_DATA: 'load',
      INTERNAL_DEVELOPMENT_ROUTES: 'on',
    });
    // As `npm run token` (the development e-mail lookup, on in this directory) and the gateway do.
    const as = (caller: TestService) =>
      new InternalHttpClient({
        caller,
        target: 'directory',
        baseUrl: directory.url,
        privateKey: testServicePrivateKey(caller),
        timeoutMs: 5_000,
      });
    for (const email of ['secretariat@msp-lices.demo', 'dr.le-gall@msp-lices.demo', 'dr.moreau@msp-lices.demo']) {
      const { memberId } = await as('token-cli').get<{ memberId: string }>(
        `/internal/members?email=${encodeURIComponent(email)}`,
      );
      members[email.split('@')[0]] = await as('gateway').get<UserContext>(`/internal/members/${memberId}/context`);
    }
    // The directory's events reach scheduling through Kafka; then the demo agendas are loaded in the background.
    const leGall = members['dr.le-gall'].memberId;
    await expectEventually(
      async () =>
        expect(
          (
            await scheduling.sql<{ n: string }>(`select count(*) n from opening_range where practitioner_id = $1`, [
              leGall,
            ])
          )[0].n,
        ).not.toBe('0'),
      120_000,
      500,
    );
    const directorySdl = await subgraphSdl(directory.url);
    schedulingSdl = await subgraphSdl(scheduling.url);
    composition = composeServices([
      { name: 'directory', url: `${directory.url}/graphql`, typeDefs: parse(directorySdl) },
      { name: 'scheduling', url: `${scheduling.url}/graphql`, typeDefs: parse(schedulingSdl) },
    ]);
  }, 300_000);

  afterAll(async () => {
    if (gatewayStarted) await gateway.stop();
    await scheduling?.stop();
    await directory?.stop();
  });

  it('the served SDLs compose without errors, scheduling extending Member, Patient and Site by their key', () => {
    for (const type of ['Member', 'Patient', 'Site'])
      expect(schedulingSdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
    expect(composition.errors?.map((e) => e.message)).toBeUndefined();
    const supergraph = composition.supergraphSdl as string;
    expect(supergraph).toMatch(
      /type Member[^}]*\s+agenda\([^)]*from: String![^)]*to: String!\s*\): \[AgendaEntry!\]! @join__field\(graph: SCHEDULING\)/,
    );
    expect(supergraph).toMatch(
      /type Site[^}]*\s+openingRanges: \[AgendaOpeningRange!\]! @join__field\(graph: SCHEDULING\)/,
    );
    expect(supergraph).toMatch(
      /type Patient[^}]*\s+appointments\([^)]*\): \[AgendaEntry!\]! @join__field\(graph: SCHEDULING\)/,
    );
    expect(supergraph).toMatch(
      /type Patient\s+@join__type\(graph: DIRECTORY, key: "id"\)\s+@join__type\(graph: SCHEDULING, key: "id"\)/,
    );
  });

  describe('through the gateway', () => {
    const window = { from: DateTime.now().toUTC().toISO(), to: DateTime.now().plus({ days: 30 }).toUTC().toISO() };
    let booked: { id: string; startsAt: string };

    const ask = async <T>(user: UserContext, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const response = await gateway.executeOperation({ query, variables }, { contextValue: { user } });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const { data, errors } = response.body.singleResult;
      if (errors?.length) throw new Error(JSON.stringify(errors));
      return data as T;
    };
    const accessLog = async (memberId: string): Promise<string[]> => {
      const db = new Client({ connectionString: directory.databaseUrl });
      await db.connect();
      try {
        return (await db.query(`select operation from patient_access_log where member_id = $1`, [memberId])).rows.map(
          (r: { operation: string }) => r.operation,
        );
      } finally {
        await db.end();
      }
    };

    beforeAll(async () => {
      gateway = new ApolloServer<Caller>({
        gateway: new ApolloGateway({
          supergraphSdl: composition.supergraphSdl,
          buildService: ({ name, url }) => new SignedContextDataSource(url, name),
        }),
      });
      await gateway.start();
      gatewayStarted = true;
      // The secretary books the next free slot of Dr Le Gall at one of her sites, for one of his patients.
      const secretary = members['secretariat'];
      const { structureId, siteIds } = secretary.memberships[0];
      const { motifs } = await ask<{ motifs: Array<{ id: string; label: string }> }>(
        secretary,
        `query($s: ID!) { motifs(structureId: $s) { id label } }`,
        { s: structureId },
      );
      const motifId = motifs.find((m) => m.label === 'Consultation')?.id;
      const days = {
        from: DateTime.now().plus({ days: 1 }).toISODate(),
        to: DateTime.now().plus({ days: 14 }).toISODate(),
      };
      const { freeSlots } = await ask<{ freeSlots: Array<{ siteId: string; startsAt: string }> }>(
        secretary,
        `query($input: FreeSlotSearchInput!) { freeSlots(input: $input) { siteId startsAt } }`,
        { input: { motifId, ...days, practitionerIds: [members['dr.le-gall'].memberId], siteIds } },
      );
      const db = new Client({ connectionString: directory.databaseUrl });
      await db.connect();
      const [{ id: patientId }] = (
        await db.query(`select id from patient where structure_id = $1 order by id limit 1`, [structureId])
      ).rows as Array<{ id: string }>;
      await db.end();
      const input = {
        practitionerId: members['dr.le-gall'].memberId,
        siteId: freeSlots[0].siteId,
        motifId,
        patientId,
        startsAt: freeSlots[0].startsAt,
      };
      booked = (
        await ask<{ bookAppointment: { id: string; startsAt: string } }>(
          secretary,
          `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id startsAt } }`,
          { input },
        )
      ).bookAppointment;
    });

    const AGENDA = `query($id: ID!, $from: String!, $to: String!) {
      member(id: $id) { lastName agenda(from: $from, to: $to) { id motifLabel detailsVisible patient { id lastName } } } }`;
    type AgendaAnswer = {
      member: {
        lastName: string;
        agenda: Array<{
          id: string;
          motifLabel: string;
          detailsVisible: boolean;
          patient: { lastName: string } | null;
        }>;
      };
    };

    it("a secretary of the site sees Dr Le Gall's agenda with the patient's name, read from the directory and logged there", async () => {
      const { member } = await ask<AgendaAnswer>(members['secretariat'], AGENDA, {
        id: members['dr.le-gall'].memberId,
        ...window,
      });
      expect(member.lastName).toBe('Le Gall');
      const entry = member.agenda.find((a) => a.id === booked.id);
      expect(entry).toMatchObject({
        motifLabel: 'Consultation',
        detailsVisible: true,
        patient: { lastName: expect.any(String) },
      });
      expect(await accessLog(members['secretariat'].memberId)).toContain('Patient reference');
    });

    it('a colleague GP sees the busy time and the motif, no patient, and nothing is read from the directory', async () => {
      const { member } = await ask<AgendaAnswer>(members['dr.moreau'], AGENDA, {
        id: members['dr.le-gall'].memberId,
        ...window,
      });
      expect(member.agenda.find((a) => a.id === booked.id)).toEqual({
        id: booked.id,
        motifLabel: 'Consultation',
        detailsVisible: false,
        patient: null,
      });
      expect(await accessLog(members['dr.moreau'].memberId)).toEqual([]);
    });

    it('the practitioner sees their own agenda through `me`, and the day view names sites and practitioners', async () => {
      const leGall = members['dr.le-gall'];
      const { me } = await ask<{ me: { agenda: Array<{ id: string; patient: unknown }> } }>(
        leGall,
        `query($from: String!, $to: String!) { me { agenda(from: $from, to: $to) { id patient { id } } } }`,
        window,
      );
      expect(me.agenda.find((a) => a.id === booked.id)?.patient).toEqual({ id: expect.any(String) });
      const date = DateTime.fromISO(booked.startsAt).setZone('Europe/Paris').toISODate();
      const { agendaDay } = await ask<{
        agendaDay: {
          sites: Array<{ site: { name: string } }>;
          practitioners: Array<{ practitioner: { lastName: string } | null; openings: unknown[] }>;
        };
      }>(
        members['secretariat'],
        `query($s: ID!, $d: String!) { agendaDay(structureId: $s, date: $d) { sites { site { name } } practitioners { practitioner { lastName } openings { startsAt } } } }`,
        {
          s: leGall.memberships.find((m) => m.roles.includes('practitioner') && m.siteIds.length)?.structureId,
          d: date,
        },
      );
      expect(agendaDay.sites.map((s) => s.site.name).sort()).toEqual([
        'Bréal-sous-Montfort',
        'Iffendic',
        'Montfort-sur-Meu',
      ]);
      expect(agendaDay.practitioners.map((p) => p.practitioner?.lastName)).toContain('Le Gall');
    });
  });
});
