import { randomUUID } from 'node:crypto';
import { expectEventually, TestEventPublisher } from '@msp/testing';
import { PresenceProjection } from '../src/application/projections/presence-projection';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';
import { openPractice, type Practice } from './fixtures/practice';

const SIMULATE = `query($input: SimulateCallInput!) { simulateCall(input: $input) { decision { practitionerStatus } } }`;

/** Monday 1 March 2027, 10:00 in Paris: the morning's first consultation starts. */
const T = Date.parse('2027-03-01T09:00:00Z');
const at = (minutes: number) => new Date(T + minutes * 60_000).toISOString();

describe("a practitioner's presence, from scheduling's events on Kafka", () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  let next = 0;

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('scheduling_events');
    events = await TestEventPublisher.start('call-routing-spec-scheduling-events');
    practice = await openPractice(app, events, { practitioners: 6 });
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  /** Each test follows a practitioner of its own, so that no other test's events change what it sees. */
  const practitioner = () => practice.practitioners[next++];

  /** What a call for `practitionerId` at `instant` would see, as the simulator shows it. */
  const statusAt = async (practitionerId: string, instant: string) =>
    (
      await app.ok<{ simulateCall: { decision: { practitionerStatus: string } } }>(
        SIMULATE,
        { input: { siteId: practice.siteId, practitionerId, callerKind: 'patient', intent: 'advice', at: instant } },
        practice.practitioner(practitionerId),
      )
    ).simulateCall.decision.practitionerStatus;

  const applied = async (...eventIds: string[]) =>
    expectEventually(
      async () =>
        expect(
          await app.sql<{ event_id: string }>(`select event_id from inbox_message where event_id = any($1)`, [
            eventIds,
          ]),
        ).toHaveLength(eventIds.length),
      30_000,
      100,
    );

  const appointment = (practitionerId: string) => ({
    appointmentId: randomUUID(),
    structureId: practice.structureId,
    siteId: practice.siteId,
    practitionerId,
    patientId: randomUUID(),
    motifId: randomUUID(),
    startsAt: at(0),
    endsAt: at(20),
  });
  const started = (a: ReturnType<typeof appointment>, minutes: number) =>
    events.publish('scheduling.appointment.consultation-started.v1', { ...a, startedAt: at(minutes) });
  const completed = (a: ReturnType<typeof appointment>, minutes: number) =>
    events.publish('scheduling.appointment.completed.v1', { ...a, completedAt: at(minutes) });
  const absence = (practitionerId: string, fromMinutes: number, toMinutes: number) => ({
    absenceId: randomUUID(),
    structureId: practice.structureId,
    practitionerId,
    kind: 'absence' as const,
    startsAt: at(fromMinutes),
    endsAt: at(toMinutes),
    declaredAt: at(-24 * 60),
  });

  it('sees a practitioner in consultation from its start, and free again once it is completed', async () => {
    const dr = practitioner();
    const visit = appointment(dr);
    expect(await statusAt(dr, at(10))).toBe('free');

    await applied(await started(visit, 2));
    expect(await statusAt(dr, at(10))).toBe('in_consultation');
    expect(await statusAt(dr, at(1))).toBe('free');

    await applied(await completed(visit, 22));
    expect(await statusAt(dr, at(25))).toBe('free');
    expect(await statusAt(dr, at(10))).toBe('in_consultation');
  });

  it('keeps the practitioner free when the completion arrives before the start (a replay out of order)', async () => {
    const dr = practitioner();
    const visit = appointment(dr);
    await applied(await completed(visit, 22));
    await applied(await started(visit, 2));
    expect(await statusAt(dr, at(25))).toBe('free');
    expect(await statusAt(dr, at(60))).toBe('free');
  });

  it.each([
    [
      'a no-show',
      (a: ReturnType<typeof appointment>) =>
        events.publish('scheduling.appointment.no-show.v1', {
          ...a,
          markedAt: at(15),
        }),
    ],
    [
      'a cancellation',
      (a: ReturnType<typeof appointment>) =>
        events.publish('scheduling.appointment.cancelled.v1', {
          appointmentId: a.appointmentId,
          practitionerId: a.practitionerId,
          cancelledBy: 'practitioner',
          reason: 'other',
          cancelledAt: at(15),
        }),
    ],
  ])('frees a practitioner whose consultation ends in %s', async (_case, end) => {
    const dr = practitioner();
    const visit = appointment(dr);
    await applied(await started(visit, 2));
    await applied(await end(visit));
    expect(await statusAt(dr, at(10))).toBe('in_consultation');
    expect(await statusAt(dr, at(16))).toBe('free');
  });

  it('sees a declared absence, and the practitioner free again after an absence ended early', async () => {
    const dr = practitioner();
    const leave = absence(dr, 0, 8 * 60);
    await applied(await events.publish('scheduling.absence.declared.v1', leave));
    expect(await statusAt(dr, at(60))).toBe('absent');
    expect(await statusAt(dr, at(5 * 60))).toBe('absent');
    expect(await statusAt(dr, at(8 * 60))).toBe('free');

    await applied(
      await events.publish('scheduling.absence.ended.v1', {
        absenceId: leave.absenceId,
        structureId: leave.structureId,
        practitionerId: dr,
        endsAt: at(2 * 60),
        endedAt: at(2 * 60),
      }),
    );
    expect(await statusAt(dr, at(60))).toBe('absent');
    expect(await statusAt(dr, at(2 * 60))).toBe('free');
    expect(await statusAt(dr, at(5 * 60))).toBe('free');

    // The declaration replayed after the early end does not bring the absence back.
    await applied(await events.publish('scheduling.absence.declared.v1', leave));
    expect(await statusAt(dr, at(5 * 60))).toBe('free');
  });

  it('applies each event once, and applying the same facts again changes nothing', async () => {
    const dr = practitioner();
    const visit = appointment(dr);
    const ids = [await started(visit, 2), await completed(visit, 22)];
    await applied(...ids);
    const inbox = await app.sql<{ event_id: string; n: number }>(
      `select event_id, count(*)::int as n from inbox_message where event_id = any($1) group by event_id`,
      [ids],
    );
    expect(inbox.map((row) => row.n)).toEqual([1, 1]);
    const rows = () => app.sql(`select * from consultation_presence where appointment_id = $1`, [visit.appointmentId]);
    const before = await rows();

    const presence = app.get(PresenceProjection);
    await presence.consultationStarted({ ...visit, startedAt: at(2) });
    await presence.completed({ ...visit, completedAt: at(22) });
    await presence.consultationStarted({ ...visit, startedAt: at(2) });

    expect(await rows()).toEqual(before);
    expect(await statusAt(dr, at(10))).toBe('in_consultation');
    expect(await statusAt(dr, at(25))).toBe('free');
  });
});
