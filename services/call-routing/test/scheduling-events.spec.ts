import { randomUUID } from 'node:crypto';
import { Clock } from '@msp/service-kit';
import { expectEventually, TestEventPublisher } from '@msp/testing';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';
import { openPractice, type Practice } from './fixtures/practice';

const NOW = new Date('2027-03-02T09:00:00Z');

describe("practitioners' status from scheduling's events on Kafka", () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  let practice: Practice;

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('scheduling_events');
    events = await TestEventPublisher.start('call-routing-spec-presence');
    practice = await openPractice(app, events, { practitioners: 3 });
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(NOW));
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  /** The status the simulator reads for a practitioner now (a pass-through patient's medical question). */
  async function statusOf(practitionerId: string): Promise<string> {
    const { simulateCall } = await app.ok<{ simulateCall: { decision: { practitionerStatus: string } } }>(
      `query($input: SimulateCallInput!) { simulateCall(input: $input) { decision { practitionerStatus } } }`,
      { input: { siteId: practice.siteId, practitionerId, callerKind: 'patient', intent: 'advice' } },
      practice.admin,
    );
    return simulateCall.decision.practitionerStatus;
  }

  const handled = (eventId: string) =>
    expectEventually(
      async () => expect(await app.sql(`select 1 from inbox_message where event_id = $1`, [eventId])).toHaveLength(1),
      60_000,
      200,
    );

  const appointment = (practitionerId: string) => ({
    appointmentId: randomUUID(),
    structureId: practice.structureId,
    siteId: practice.siteId,
    practitionerId,
    patientId: randomUUID(),
    motifId: randomUUID(),
    startsAt: '2027-03-02T08:40:00Z',
    endsAt: '2027-03-02T09:00:00Z',
  });

  it('is in consultation from consultation-started, free again once completed', async () => {
    const [gp] = practice.practitioners;
    const a = appointment(gp);
    await handled(
      await events.publish('scheduling.appointment.consultation-started.v1', {
        ...a,
        startedAt: '2027-03-02T08:42:00Z',
      }),
    );
    expect(await statusOf(gp)).toBe('in_consultation');
    await handled(
      await events.publish('scheduling.appointment.completed.v1', { ...a, completedAt: '2027-03-02T08:58:00Z' }),
    );
    expect(await statusOf(gp)).toBe('free');
  });

  it('stays free when the completion arrives before the start (replay out of order)', async () => {
    const gp = practice.practitioners[1];
    const a = appointment(gp);
    await handled(
      await events.publish('scheduling.appointment.completed.v1', { ...a, completedAt: '2027-03-02T08:58:00Z' }),
    );
    await handled(
      await events.publish('scheduling.appointment.consultation-started.v1', {
        ...a,
        startedAt: '2027-03-02T08:42:00Z',
      }),
    );
    expect(await statusOf(gp)).toBe('free');
  });

  it('is absent during a declared absence, and back when it is ended early', async () => {
    const gp = practice.practitioners[2];
    const absence = {
      absenceId: randomUUID(),
      structureId: practice.structureId,
      practitionerId: gp,
      startsAt: '2027-03-02T07:00:00Z',
      endsAt: '2027-03-02T17:00:00Z',
    };
    await handled(
      await events.publish('scheduling.absence.declared.v1', {
        ...absence,
        kind: 'training',
        declaredAt: '2027-02-20T10:00:00Z',
      }),
    );
    expect(await statusOf(gp)).toBe('absent');
    await handled(
      await events.publish('scheduling.absence.ended.v1', {
        ...absence,
        endsAt: '2027-03-02T08:30:00Z',
        endedAt: '2027-03-02T08:30:00Z',
      }),
    );
    expect(await statusOf(gp)).toBe('free');
    // Declaring it again (a replay of the first event's content) does not bring the absence back past its early end.
    await handled(
      await events.publish('scheduling.absence.declared.v1', {
        ...absence,
        kind: 'training',
        declaredAt: '2027-02-20T10:00:00Z',
      }),
    );
    expect(await statusOf(gp)).toBe('free');
  });
});
