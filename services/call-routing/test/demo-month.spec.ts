import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { demoMonth } from '@msp/service-kit';
import { expectEventually, TestEventPublisher } from '@msp/testing';
import { DateTime } from 'luxon';
import { DemoMonthRepository, type DemoMonthSummary } from '../src/application/ports/demo-month.repository';
import { planDemoMonth, type PlannedCall } from '../src/demo/demo-month.plan';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';
import { phoneNumber, USUAL_HOURS } from './fixtures/practice';

const PARIS = 'Europe/Paris';
const SIMULATE = `query($input: SimulateCallInput!) {
  simulateCall(input: $input) { intent decision { action ruleId practitionerStatus } }
}`;

/**
 * The practice's own rulebook, published before the month is played: results go to the secretary (a rule of this
 * test, not the default rulebook's), pass-through patients reach their practitioner even in consultation, and other
 * calls during a consultation become messages.
 */
const RULES = [
  { id: 'urgences', label: 'Urgences : le 15', when: { urgent: true }, then: { type: 'redirect_15' } },
  {
    id: 'rendez-vous',
    label: 'Rendez-vous en libre-service',
    when: { intents: ['book', 'move', 'cancel'] },
    then: { type: 'self_service' },
  },
  {
    id: 'resultats',
    label: 'Résultats : secrétariat',
    when: { intents: ['results'] },
    then: { type: 'transfer_secretary' },
  },
  {
    id: 'passage',
    label: 'Liste de passage : le praticien, même en consultation',
    when: { passThrough: true },
    then: { type: 'transfer_practitioner' },
  },
  {
    id: 'en-consultation',
    label: 'En consultation : message',
    when: { practitionerStatus: ['in_consultation'] },
    then: { type: 'take_message' },
  },
  {
    id: 'confreres',
    label: 'Confrères : le praticien',
    when: { intents: ['colleague'] },
    then: { type: 'transfer_practitioner' },
  },
  { id: 'message', label: 'Le reste : message', when: {}, then: { type: 'take_message' } },
];

interface CallRow {
  provider: string;
  provider_call_id: string;
  caller_kind: 'patient' | 'professional' | 'unknown';
  pass_through: boolean;
  prefers_human: boolean;
  practitioner_id: string | null;
  started_at: Date;
  decided_at: Date | null;
  intent: string | null;
  action: { type: string } | null;
  rule_id: string | null;
  practitioner_status: string | null;
  interrupts_consultation: boolean;
  outcome: string | null;
  step: string;
  context: { offeredSlots?: Array<{ startsAt: string }> };
}

describe('the demo month: a month of calls played through the live call handlers at their instants', () => {
  let app: CallRoutingTestApp;
  let second: CallRoutingTestApp | undefined;
  let events: TestEventPublisher;
  const structureId = randomUUID();
  const siteId = randomUUID();
  const gp = randomUUID();
  const motifId = randomUUID();
  const line = phoneNumber();
  const desk = phoneNumber();
  const month = demoMonth(new Date(), PARIS);
  const admin = {
    memberId: randomUUID(),
    memberships: [{ structureId, roles: ['administrator' as const, 'coordinator' as const], siteIds: [siteId] }],
  };
  /** The GP's patients as the directory knows them: a few on the pass-through list, a few who prefer a person. */
  const patients = Array.from({ length: 30 }, (_, i) => ({
    phone: `+3361${String(process.pid % 1000).padStart(3, '0')}${String(i).padStart(4, '0')}`,
    patientId: randomUUID(),
    passThrough: i < 3,
    prefersHuman: i >= 3 && i < 6,
  }));
  /** Scheduling's demo month as call routing sees it: mornings of 30-minute consultations, 09:00 to 12:00. */
  const consultations = month.workingDays.flatMap((day) =>
    [0, 30, 60, 90, 120, 150].map((minutes) => {
      const start = DateTime.fromISO(`${day.date}T09:00`, { zone: PARIS }).plus({ minutes });
      return {
        appointmentId: randomUUID(),
        startedAt: start.toJSDate(),
        endedAt: start.plus({ minutes: 25 }).toJSDate(),
      };
    }),
  );
  let plan: PlannedCall[];
  let calls: CallRow[];

  const myCalls = () =>
    app.sql<CallRow>(`select * from call where structure_id = $1 order by started_at, provider_call_id`, [structureId]);
  const eventsOf = async (app_: CallRoutingTestApp, type: string) =>
    (await app_.events(type)).filter((e) => e.structureId === structureId);
  const marker = async (app_: CallRoutingTestApp) =>
    (
      await app_.sql<{ finished_at: Date | null; summary: DemoMonthSummary | null }>(
        `select finished_at, summary from demo_month_play where structure_id = $1`,
        [structureId],
      )
    )[0];

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('demo_month', { CALL_ROUTING_DEMO_DATA: 'load' });
    events = await TestEventPublisher.start('call-routing-spec-demo-month');

    // The directory: the site with its numbers, the GP, the patients' numbers (its development-only demo route).
    app.directory.sites.set(siteId, {
      name: 'MSP du Mois',
      address: '1 rue du Mois, 35000 Rennes',
      structureId,
      timeZone: PARIS,
      phoneLines: [line, desk],
    });
    for (const p of patients)
      app.directory.callers.set(p.phone, {
        kind: 'patient',
        patientId: p.patientId,
        medecinTraitantId: gp,
        passThrough: p.passThrough,
        prefersHuman: p.prefersHuman,
      });
    app.directory.demoCallers.set(
      structureId,
      patients.map((p) => ({ phone: p.phone, medecinTraitantId: gp })),
    );
    // Scheduling: the phone-booking motif, and the GP's free slots of the coming weeks (it lives in the present).
    app.scheduling.phoneMotifs.set(structureId, motifId);
    const today = DateTime.now().setZone(PARIS).startOf('day');
    for (let d = 0; d < 35; d += 1) {
      const day = today.plus({ days: d });
      if (day.weekday <= 5)
        for (let hour = 9; hour <= 17; hour += 1)
          app.scheduling.slots.push({
            practitionerId: gp,
            siteId,
            motifId,
            startsAt: day.set({ hour }).toUTC().toISO() as string,
          });
    }
    const at = new Date('2026-01-01T08:00:00Z').toISOString();
    await events.publish('directory.site.opened.v1', {
      siteId,
      structureId,
      timeZone: PARIS,
      openingHours: USUAL_HOURS,
      openedAt: at,
    });
    await events.publish('directory.member.joined.v1', {
      memberId: gp,
      structureId,
      profession: 'general_practitioner',
      roles: ['practitioner'],
      siteIds: [siteId],
      joinedAt: at,
    });
    // The demo lines give the site its line and the phone-booking motif.
    await expectEventually(
      async () =>
        expect(
          await app.sql(
            `select l.number, s.booking_motif_id from phone_line l join site_call_settings s using (site_id)
             where l.site_id = $1`,
            [siteId],
          ),
        ).toEqual([{ number: line, booking_motif_id: motifId }]),
      60_000,
      250,
    );
    await app.ok(
      `mutation($input: PublishRulebookInput!) { publishRulebook(input: $input) { version } }`,
      { input: { structureId, siteId, document: JSON.stringify({ rules: RULES }) } },
      admin,
    );
    // Only then scheduling's month, which the player waits for.
    for (const c of consultations) {
      const snapshot = {
        appointmentId: c.appointmentId,
        structureId,
        siteId,
        practitionerId: gp,
        patientId: randomUUID(),
        motifId,
        startsAt: c.startedAt.toISOString(),
        endsAt: c.endedAt.toISOString(),
      };
      await events.publish('scheduling.appointment.consultation-started.v1', {
        ...snapshot,
        startedAt: c.startedAt.toISOString(),
      });
      await events.publish('scheduling.appointment.completed.v1', {
        ...snapshot,
        completedAt: c.endedAt.toISOString(),
      });
    }

    plan = planDemoMonth({
      structureId,
      month,
      generalPractitioners: [{ memberId: gp, siteIds: [siteId] }],
      sites: [{ siteId, number: line, timeZone: PARIS, openingHours: USUAL_HOURS }],
      patientNumbers: patients.map((p) => ({ phone: p.phone, medecinTraitantId: gp })),
      colleagueNumbers: [],
    });
    await expectEventually(async () => expect((await marker(app))?.finished_at).toBeTruthy(), 300_000, 1_000);
    calls = await myCalls();
  }, 420_000);

  afterAll(async () => {
    await second?.stop();
    await events?.stop();
    await app?.stop();
  });

  it('plays every planned call once, as the telephony simulator, at its planned instant, with its events', async () => {
    expect(plan.length).toBeGreaterThan(200);
    expect(calls.map((c) => c.provider_call_id).sort()).toEqual(plan.map((c) => c.providerCallId).sort());
    const planned = new Map(plan.map((c) => [c.providerCallId, c.at.toISOString()]));
    for (const call of calls) {
      expect(call.provider).toBe('simulator');
      expect(call.started_at.toISOString()).toBe(planned.get(call.provider_call_id));
      expect(call.step).toBe('ended');
    }
    const [received, routed, ended] = await Promise.all(
      ['call.received', 'call.routed', 'call.ended'].map((e) => eventsOf(app, `call-routing.${e}.v1`)),
    );
    expect([received.length, routed.length, ended.length]).toEqual([plan.length, plan.length, plan.length]);
    // The events carry the month's instants, not the time of the play.
    for (const e of received) expect(String(e.receivedAt).slice(0, 7)).toBe(month.month);
    const messages = await eventsOf(app, 'call-routing.message.taken.v1');
    expect(messages.length).toBe(calls.filter((c) => c.outcome === 'message_taken').length);
    const summary = (await marker(app)).summary as DemoMonthSummary;
    expect(summary).toMatchObject({ month: month.month, planned: plan.length, calls: plan.length });
    expect(summary.handledWithoutHuman).toBe(ended.filter((e) => e.handledWithoutHuman === true).length);
  });

  it('decides each call by the practice’s published rules, as the simulator decides the same call at the same instant', async () => {
    const results = calls.filter((c) => c.intent === 'results');
    expect(results.length).toBeGreaterThan(10);
    for (const call of results) expect([call.action?.type, call.rule_id]).toEqual(['transfer_secretary', 'resultats']);
    // Every twelfth call, whatever it was: the simulator, given who called, why and when, names the same rule.
    for (const call of calls.filter((_, i) => i % 12 === 0)) {
      const data = await app.ok<{ simulateCall: { intent: string; decision: { action: string; ruleId: string } } }>(
        SIMULATE,
        {
          input: {
            siteId,
            practitionerId: call.practitioner_id,
            callerKind: call.caller_kind,
            passThrough: call.pass_through,
            prefersHuman: call.prefers_human,
            intent: call.intent,
            at: call.decided_at?.toISOString(),
          },
        },
        admin,
      );
      expect([data.simulateCall.decision.action, data.simulateCall.decision.ruleId]).toEqual([
        call.action?.type,
        call.rule_id,
      ]);
    }
  });

  it("finds the GP in consultation exactly during scheduling's consultations; only the pass-through rule interrupts one", async () => {
    const during = (at: Date) => consultations.some((c) => at >= c.startedAt && at < c.endedAt);
    const aboutGp = calls.filter((c) => c.practitioner_id === gp && c.decided_at);
    expect(aboutGp.length).toBeGreaterThan(100);
    for (const call of aboutGp)
      expect([call.provider_call_id, call.practitioner_status]).toEqual([
        call.provider_call_id,
        during(call.decided_at as Date) ? 'in_consultation' : 'free',
      ]);
    const inConsultation = aboutGp.filter((c) => c.practitioner_status === 'in_consultation');
    expect(inConsultation.length).toBeGreaterThan(10);
    for (const call of inConsultation)
      expect(call.interrupts_consultation).toBe(call.action?.type === 'transfer_practitioner');
    for (const call of inConsultation.filter((c) => c.interrupts_consultation)) expect(call.rule_id).toBe('passage');
    const summary = (await marker(app)).summary as DemoMonthSummary;
    expect(summary.duringConsultation).toBe(inConsultation.length);
    expect(summary.consultationsInterrupted).toBe(inConsultation.filter((c) => c.interrupts_consultation).length);
    expect(summary.consultationsInCopy).toBe(consultations.length);
  });

  it("books, moves and cancels on the phone from scheduling's real slots, without changing scheduling's present agenda", () => {
    const selfService = calls.filter((c) => c.outcome === 'self_service_done');
    expect(selfService.length).toBeGreaterThan(10);
    expect(selfService.every((c) => c.caller_kind === 'patient')).toBe(true);
    // The slots offered are scheduling's (on the hour, 09:00 to 17:00 on weekdays) brought back to the fortnight of
    // the call, and later than the call: scheduling, asked in the present, offers the early slots of that day too.
    const offered = calls.flatMap((c) => (c.context.offeredSlots ?? []).map((slot) => ({ call: c, slot })));
    expect(offered.length).toBeGreaterThan(10);
    for (const { call, slot } of offered) {
      const at = DateTime.fromISO(slot.startsAt, { zone: PARIS });
      expect([at.weekday <= 5, at.hour >= 9 && at.hour <= 17, at.minute]).toEqual([true, true, 0]);
      expect(at.toMillis()).toBeGreaterThan(call.started_at.getTime());
      expect(at.toMillis() - call.started_at.getTime()).toBeLessThan(15 * 86_400_000);
    }
    // Slots every working hour of the coming weeks: a known patient asking for an appointment is always offered one.
    const booking = calls.filter(
      (c) => c.intent === 'book' && c.caller_kind === 'patient' && c.rule_id === 'rendez-vous',
    );
    expect(booking.length).toBeGreaterThan(10);
    expect(booking.filter((c) => c.outcome !== 'self_service_done').map((c) => c.provider_call_id)).toEqual([]);
    expect(app.scheduling.api.calls).toContain('POST /internal/agenda/free-slots');
    expect(app.scheduling.api.calls.filter((c) => /holds|move|cancel/.test(c))).toEqual([]);
    expect(app.scheduling.appointments).toEqual([]);
  });

  it('plays the month once: another instance finds it played, and a replay after a lost marker doubles nothing', async () => {
    const url = (app.get(DataSource).options as { url: string }).url;
    second = await CallRoutingTestApp.start('demo_month_second', { CALL_ROUTING_DEMO_DATA: 'load', DATABASE_URL: url });
    second.directory.sites.set(siteId, app.directory.sites.get(siteId)!);
    for (const [phone, caller] of app.directory.callers) second.directory.callers.set(phone, caller);
    second.directory.demoCallers.set(structureId, app.directory.demoCallers.get(structureId)!);
    second.scheduling.phoneMotifs.set(structureId, motifId);
    const before = await Promise.all(
      ['call.received', 'call.routed', 'call.ended', 'message.taken'].map(
        async (e) => (await eventsOf(app, `call-routing.${e}.v1`)).length,
      ),
    );
    const finishedAt = (await marker(app)).finished_at;

    // Two claims at once: one wins.
    const repository = second.app.get<DemoMonthRepository>(DemoMonthRepository);
    const now = new Date();
    const other = randomUUID();
    const claims = await Promise.all([
      repository.claim(other, month.month, randomUUID(), now, 60_000),
      repository.claim(other, month.month, randomUUID(), now, 60_000),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await second.sql(`delete from demo_month_play where structure_id = $1`, [other]);

    // The second instance, past its settling time, leaves the played structure alone.
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    expect((await marker(second)).finished_at).toEqual(finishedAt);
    expect((await myCalls()).length).toBe(plan.length);

    // The marker lost: the month is played again, and every call answers what it answered.
    await second.sql(`delete from demo_month_play where structure_id = $1`, [structureId]);
    await expectEventually(async () => expect((await marker(second!))?.finished_at).toBeTruthy(), 120_000, 1_000);
    expect(
      (await myCalls()).map(({ outcome, rule_id, provider_call_id }) => [provider_call_id, outcome, rule_id]),
    ).toEqual(calls.map(({ outcome, rule_id, provider_call_id }) => [provider_call_id, outcome, rule_id]));
    const after = await Promise.all(
      ['call.received', 'call.routed', 'call.ended', 'message.taken'].map(
        async (e) => (await eventsOf(second!, `call-routing.${e}.v1`)).length,
      ),
    );
    expect(after).toEqual(before);
  }, 240_000);
});
