import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { UserContext } from '@msp/auth';
import {
  colleagueOf,
  MEMBER_AGENDA,
  PATIENT_APPOINTMENTS,
  SITE_RANGES,
  type AgendaEntry,
} from './fixtures/agenda-operations';
import { APPOINTMENT, BOOK } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

type Entities<T> = { _entities: Array<T | null> };

describe('fields scheduling adds to the directory entities, as the gateway asks for them (SCH-11)', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;
  let other: SeededAgenda;
  let appointmentId: string;
  const window = () => ({ from: siteTime(agenda, 0, '00:00'), to: siteTime(agenda, 14, '00:00') });

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_federated_fields');
    agenda = await seedAgenda(scheduling);
    other = await seedAgenda(scheduling);
    const input = {
      practitionerId: agenda.gpId,
      siteId: agenda.siteId,
      motifId: agenda.motifId,
      patientId: agenda.patientId,
      startsAt: siteTime(agenda, 3, '09:00'),
    };
    appointmentId = (await scheduling.ok<{ bookAppointment: { id: string } }>(BOOK, { input }, agenda.as.secretary))
      .bookAppointment.id;
  });

  afterAll(() => scheduling?.stop());

  const memberAgenda = async (user: UserContext, memberId = agenda.gpId) =>
    (
      await scheduling.ok<Entities<{ id: string; agenda: AgendaEntry[] }>>(
        MEMBER_AGENDA,
        { reps: [{ __typename: 'Member', id: memberId }], ...window() },
        user,
      )
    )._entities[0]?.agenda;
  const patientAppointments = async (user: UserContext) =>
    (
      await scheduling.ok<Entities<{ appointments: AgendaEntry[] }>>(
        PATIENT_APPOINTMENTS,
        { reps: [{ __typename: 'Patient', id: agenda.patientId }] },
        user,
      )
    )._entities[0]?.appointments;

  it("Member.agenda: the member's appointments, with the patient for desk staff and the practitioner only", async () => {
    expect(await memberAgenda(agenda.as.secretary)).toEqual([
      expect.objectContaining({
        id: appointmentId,
        detailsVisible: true,
        status: 'BOOKED',
        patient: { id: agenda.patientId },
        motifLabel: 'Consultation 20',
      }),
    ]);
    expect((await memberAgenda(agenda.as.practitioner))?.[0].patient).toEqual({ id: agenda.patientId });
    expect(await memberAgenda(colleagueOf(agenda))).toEqual([
      expect.objectContaining({ id: appointmentId, detailsVisible: false, status: null, patient: null }),
    ]);
    expect(await memberAgenda(other.as.secretary)).toEqual([]);
    expect(await memberAgenda(agenda.as.secretary, agenda.colleagueId)).toEqual([]);
  });

  it('Member.agenda refuses a bad window, naming the argument', async () => {
    const result = await scheduling.gql(
      MEMBER_AGENDA,
      { reps: [{ __typename: 'Member', id: agenda.gpId }], from: 'lundi', to: window().to },
      agenda.as.secretary,
    );
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^from: "lundi" is not an ISO-8601 instant/),
      extensions: { code: 'BAD_USER_INPUT', field: 'from' },
    });
    const tooLong = await scheduling.gql(
      MEMBER_AGENDA,
      { reps: [{ __typename: 'Member', id: agenda.gpId }], from: window().from, to: siteTime(agenda, 90, '00:00') },
      agenda.as.secretary,
    );
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it("Patient.appointments: for the structure's booking staff who may see the patient, empty for anyone else", async () => {
    expect((await patientAppointments(agenda.as.secretary))?.map((a) => a.id)).toEqual([appointmentId]);
    expect((await patientAppointments(agenda.as.practitioner))?.map((a) => a.id)).toEqual([appointmentId]);
    expect(await patientAppointments(colleagueOf(agenda))).toEqual([]);
    expect(await patientAppointments(agenda.as.coordinator)).toEqual([]);
    expect(await patientAppointments(other.as.secretary)).toEqual([]);
  });

  it('Site.openingRanges: the ranges at the site for members of its structure', async () => {
    const ranges = async (user: UserContext, siteId = agenda.siteId) =>
      (
        await scheduling.ok<Entities<{ openingRanges: Array<{ practitionerId: string; startTime: string }> }>>(
          SITE_RANGES,
          { reps: [{ __typename: 'Site', id: siteId }] },
          user,
        )
      )._entities[0]?.openingRanges;
    expect((await ranges(agenda.as.coordinator))?.map((r) => r.practitionerId).sort()).toEqual(
      [agenda.gpId, agenda.colleagueId].sort(),
    );
    expect(await ranges(other.as.secretary)).toEqual([]);
    expect(await ranges(agenda.as.secretary, randomUUID())).toEqual([]);
  });

  it('Appointment.patient: a reference to the directory, for those who may see it', async () => {
    const query = `query($id: ID!) { appointment(id: $id) { id patient { id } } }`;
    expect(
      (await scheduling.ok<{ appointment: { patient: unknown } }>(query, { id: appointmentId }, agenda.as.secretary))
        .appointment.patient,
    ).toEqual({ id: agenda.patientId });
    expect(
      (await scheduling.ok<{ appointment: { patient: unknown } }>(query, { id: appointmentId }, colleagueOf(agenda)))
        .appointment.patient,
    ).toBeNull();
    expect(
      (await scheduling.ok<{ appointment: { id: string } }>(APPOINTMENT, { id: appointmentId }, agenda.as.secretary))
        .appointment.id,
    ).toBe(appointmentId);
  });

  it('answers the fields of many entities of one `_entities` call in one query per field, whatever their number', async () => {
    const statements: string[] = [];
    const spy = jest
      .spyOn(scheduling.get(DataSource).logger, 'logQuery')
      .mockImplementation((sql) => void statements.push(sql));
    try {
      const members = [agenda.gpId, agenda.colleagueId, other.gpId];
      const agendas = await scheduling.ok<Entities<{ id: string; agenda: AgendaEntry[] }>>(
        MEMBER_AGENDA,
        { reps: members.map((id) => ({ __typename: 'Member', id })), ...window() },
        agenda.as.secretary,
      );
      expect(agendas._entities.map((m) => m?.agenda.map((a) => a.id))).toEqual([[appointmentId], [], []]);
      const sites = [agenda.siteId, other.siteId, randomUUID()];
      const ranges = await scheduling.ok<Entities<{ openingRanges: Array<{ practitionerId: string }> }>>(
        SITE_RANGES,
        { reps: sites.map((id) => ({ __typename: 'Site', id })) },
        agenda.as.secretary,
      );
      expect(ranges._entities.map((s) => s?.openingRanges.length)).toEqual([2, 0, 0]);
      const patients = await scheduling.ok<Entities<{ appointments: AgendaEntry[] }>>(
        PATIENT_APPOINTMENTS,
        { reps: [agenda.patientId, other.patientId].map((id) => ({ __typename: 'Patient', id })) },
        agenda.as.secretary,
      );
      expect(patients._entities.map((p) => p?.appointments.map((a) => a.id))).toEqual([[appointmentId], []]);
    } finally {
      spy.mockRestore();
    }
    expect(statements.filter((sql) => /from appointment a join motif m/i.test(sql))).toHaveLength(2);
    expect(statements.filter((sql) => /from "opening_range"/i.test(sql))).toHaveLength(1);
  });

  it('entity fields need the signed user context like everything else', async () => {
    const result = await scheduling.gql(MEMBER_AGENDA, {
      reps: [{ __typename: 'Member', id: agenda.gpId }],
      ...window(),
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
