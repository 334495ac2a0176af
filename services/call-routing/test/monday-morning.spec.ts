import { randomUUID } from 'node:crypto';
import type { CallOutcomeV1 } from '@msp/contracts';
import { Clock } from '@msp/service-kit';
import { TestEventPublisher, expectEventually } from '@msp/testing';
import type { ActionType } from '../src/domain/rulebook/rulebook';
import { driveCall } from './fixtures/call-driver';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';
import type { StubCaller } from './fixtures/dependency-stubs';
import { addLine, openPractice, phoneNumber, type Practice } from './fixtures/practice';

/** Monday 1 March 2027, 08:00 in Paris (UTC+1): the morning peak the seeds describe. */
const MONDAY_8H = Date.parse('2027-03-01T07:00:00Z');
const SECONDS_BETWEEN_CALLS = 45;

interface ScriptedCall {
  category: string;
  caller: StubCaller | null;
  /** The practitioner the call is about (the line's, or the patient's médecin traitant). */
  practitionerId: string | null;
  line: string;
  digits?: string;
  speech?: string;
  /** Written by hand from the default rulebook (and P1's own rule), not read from the service. */
  expected: { action: ActionType; outcome: CallOutcomeV1 };
}

describe('a scripted Monday morning: 300 calls to a 12-practitioner practice, on the default rulebook', () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  let p: string[];
  const motifId = randomUUID();
  const desks: Record<string, string> = {};
  const lines: Record<string, string> = {};
  const script: ScriptedCall[] = [];

  const patient = (practitionerId: string, flags: Partial<{ passThrough: boolean; prefersHuman: boolean }> = {}) =>
    ({
      kind: 'patient',
      patientId: randomUUID(),
      medecinTraitantId: practitionerId,
      passThrough: flags.passThrough ?? false,
      prefersHuman: flags.prefersHuman ?? false,
    }) satisfies StubCaller;

  /** Adds `count` calls, cycling over `practitioners` (null: an unknown caller, about nobody). */
  function calls(
    count: number,
    category: string,
    practitioners: Array<string | null>,
    intent: { digits?: string; speech?: string },
    expected: ScriptedCall['expected'],
    caller: (practitionerId: string | null) => StubCaller | null = (id) => (id ? patient(id) : null),
  ) {
    for (let i = 0; i < count; i++) {
      const practitionerId = practitioners[i % practitioners.length];
      script.push({
        category,
        caller: caller(practitionerId),
        practitionerId,
        line: practice.siteLine,
        ...intent,
        expected,
      });
    }
  }

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('monday_morning');
    events = await TestEventPublisher.start('call-routing-spec-monday');
    practice = await openPractice(app, events, { practitioners: 12 });
    p = practice.practitioners;
    const [p1, p2, p3, p4, p5, p6, p7, p8, p9, p10] = p;
    const inConsultation = [p1, p2, p3, p4, p5];
    const working = p.filter((id) => id !== p6);

    // Scheduling's facts on the real Kafka: five practitioners in consultation since 07:55, one absent all day.
    for (const practitionerId of inConsultation)
      await events.publish('scheduling.appointment.consultation-started.v1', {
        appointmentId: randomUUID(),
        structureId: practice.structureId,
        siteId: practice.siteId,
        practitionerId,
        patientId: randomUUID(),
        motifId,
        startsAt: '2027-03-01T06:55:00Z',
        endsAt: '2027-03-01T07:15:00Z',
        startedAt: '2027-03-01T06:55:00Z',
      });
    await events.publish('scheduling.absence.declared.v1', {
      absenceId: randomUUID(),
      structureId: practice.structureId,
      practitionerId: p6,
      kind: 'training',
      startsAt: '2027-02-28T23:00:00Z',
      endsAt: '2027-03-01T22:59:00Z',
      declaredAt: '2027-02-20T10:00:00Z',
    });
    // Only this practice's practitioners: other spec files publish consultations and absences on the same topic.
    await expectEventually(
      async () => {
        const [row] = await app.sql<{ n: number }>(
          `select (select count(*) from consultation_presence where practitioner_id = any($1))
                + (select count(*) from absence_presence where practitioner_id = any($1)) as n`,
          [p],
        );
        expect(Number(row.n)).toBe(6);
      },
      60_000,
      200,
    );

    // Desks: P2 (in consultation), P7 (first free colleague on duty) and P9 (free) have lines of their own.
    for (const id of [p2, p7, p9]) {
      desks[id] = phoneNumber();
      lines[id] = phoneNumber();
      await addLine(app, practice.admin, {
        siteId: practice.siteId,
        practitionerId: id,
        number: lines[id],
        deskNumber: desks[id],
        label: 'Ligne directe',
      });
    }
    await app.ok(
      `mutation($input: SaveSiteCallSettingsInput!) { saveSiteCallSettings(input: $input) { siteId } }`,
      { input: { siteId: practice.siteId, bookingMotifId: motifId, dutyRoster: [p6, p7, p8] } },
      practice.admin,
    );
    // P1's own rule: their pass-through patients reach them whatever they are doing.
    await app.ok(
      `mutation($input: PublishRulebookInput!) { publishRulebook(input: $input) { version } }`,
      {
        input: {
          structureId: practice.structureId,
          practitionerId: p1,
          document: JSON.stringify({
            rules: [
              { id: 'urgences', label: 'Urgences : le 15', when: { urgent: true }, then: { type: 'redirect_15' } },
              {
                id: 'passage-toujours',
                label: 'Ma liste de passage : toujours me passer l’appel',
                when: { passThrough: true },
                then: { type: 'transfer_practitioner' },
              },
            ],
          }),
        },
      },
      practice.practitioner(p1),
    );

    // Scheduling: 20-minute slots on Tuesday for everyone but the absent P6; appointments on Friday to move or cancel.
    for (const id of working)
      for (let minutes = 7 * 60; minutes < 15 * 60; minutes += 20)
        app.scheduling.slots.push({
          practitionerId: id,
          siteId: practice.siteId,
          motifId,
          startsAt: new Date(Date.parse('2027-03-02T00:00:00Z') + minutes * 60_000).toISOString(),
        });
    const withAppointment = (practitionerId: string, index: number): StubCaller => {
      const caller = patient(practitionerId);
      app.scheduling.appointments.push({
        id: randomUUID(),
        patientId: caller.patientId,
        practitionerId,
        siteId: practice.siteId,
        motifId,
        startsAt: new Date(Date.parse('2027-03-05T07:00:00Z') + index * 20 * 60_000).toISOString(),
        status: 'confirmed',
      });
      return caller;
    };

    const free = [p7, p8, p9, p10, p[10], p[11]];
    const others = p.filter((id) => id !== p6 && id !== p9);
    let appointmentIndex = 0;
    // A third appointments (100), a third medical advice (100), the rest (100): the seeds' call mix.
    calls(
      55,
      'book, known patient',
      working,
      { digits: '1' },
      { action: 'self_service', outcome: 'self_service_done' },
    );
    calls(5, 'book, unknown caller', [null], { digits: '1' }, { action: 'self_service', outcome: 'message_taken' });
    calls(20, 'move', free, { digits: '2' }, { action: 'self_service', outcome: 'self_service_done' }, (id) =>
      withAppointment(id as string, appointmentIndex++),
    );
    calls(20, 'cancel', free, { digits: '3' }, { action: 'self_service', outcome: 'self_service_done' }, (id) =>
      withAppointment(id as string, appointmentIndex++),
    );
    calls(
      10,
      "advice, P1's pass-through list",
      [p1],
      { digits: '6' },
      { action: 'transfer_practitioner', outcome: 'transferred' },
      (id) => patient(id as string, { passThrough: true }),
    );
    calls(
      5,
      "advice, P9's pass-through list",
      [p9],
      { digits: '6' },
      { action: 'transfer_practitioner', outcome: 'transferred' },
      (id) => patient(id as string, { passThrough: true }),
    );
    calls(8, 'advice, absent P6', [p6], { digits: '6' }, { action: 'forward_on_duty', outcome: 'transferred' });
    calls(
      2,
      'advice, prefers a person',
      [p10],
      { digits: '6' },
      { action: 'transfer_secretary', outcome: 'transferred' },
      (id) => patient(id as string, { prefersHuman: true }),
    );
    calls(10, 'advice, unknown caller', [null], { digits: '6' }, { action: 'take_message', outcome: 'message_taken' });
    calls(
      65,
      'advice',
      others,
      { speech: "bonjour j'aurais une question pour le docteur au sujet de mon traitement" },
      {
        action: 'take_message',
        outcome: 'message_taken',
      },
    );
    calls(4, 'prescription, absent P6', [p6], { digits: '4' }, { action: 'forward_on_duty', outcome: 'transferred' });
    calls(36, 'prescription', others, { digits: '4' }, { action: 'take_message', outcome: 'message_taken' });
    calls(2, 'results, absent P6', [p6], { digits: '5' }, { action: 'forward_on_duty', outcome: 'transferred' });
    calls(18, 'results', others, { digits: '5' }, { action: 'take_message', outcome: 'message_taken' });
    calls(15, 'administrative', others, { digits: '7' }, { action: 'take_message', outcome: 'message_taken' });
    calls(7, 'information', others, { digits: '8' }, { action: 'give_information', outcome: 'information_given' });
    const colleague = (): StubCaller => ({ kind: 'professional', structureId: randomUUID() });
    for (const [target, action, outcome] of [
      [p9, 'transfer_practitioner', 'transferred'],
      [p2, 'take_message', 'message_taken'],
      [null, 'take_message', 'message_taken'],
    ] as const)
      for (let i = 0; i < 5; i++)
        script.push({
          category: `colleague, ${target ? 'practitioner line' : 'site line'}`,
          caller: colleague(),
          practitionerId: target,
          line: target ? lines[target] : practice.siteLine,
          digits: '*',
          expected: { action, outcome },
        });
    // 1 % emergencies, whatever else the caller says or pressed; one from P1's own pass-through list.
    script.push(
      {
        category: 'emergency',
        caller: patient(p1, { passThrough: true }),
        practitionerId: p1,
        line: practice.siteLine,
        speech: 'ma femme fait un malaise elle ne respire plus',
        expected: { action: 'redirect_15', outcome: 'redirected_to_15' },
      },
      {
        category: 'emergency',
        caller: null,
        practitionerId: null,
        line: practice.siteLine,
        digits: '1',
        speech: "je voudrais un rendez-vous mais j'ai une douleur thoracique",
        expected: { action: 'redirect_15', outcome: 'redirected_to_15' },
      },
      {
        category: 'emergency',
        caller: patient(p3),
        practitionerId: p3,
        line: practice.siteLine,
        speech: 'mon fils a perdu connaissance il ne répond plus',
        expected: { action: 'redirect_15', outcome: 'redirected_to_15' },
      },
    );
    expect(script).toHaveLength(300);
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  it('decides every call with a trace, by the rules the script expects, and loses none', async () => {
    const clock = jest.spyOn(app.get(Clock), 'now');
    const played: Array<{ scripted: ScriptedCall; providerCallId: string; dialled: string[] }> = [];
    for (const [i, scripted] of script.entries()) {
      clock.mockImplementation(() => new Date(MONDAY_8H + i * SECONDS_BETWEEN_CALLS * 1000));
      const from = phoneNumber();
      if (scripted.caller) app.directory.callers.set(from, scripted.caller);
      const providerCallId = `monday-${i}-${randomUUID()}`;
      const transcript = await driveCall(app, {
        providerCallId,
        from,
        to: scripted.line,
        digits: scripted.digits,
        speech: scripted.speech,
      });
      expect(transcript.failures).toEqual([]);
      played.push({
        scripted,
        providerCallId,
        dialled: transcript.steps.filter((s) => s.verb === 'dial').map((s) => s.number as string),
      });
    }

    const journal = await app.sql<{
      provider_call_id: string;
      action: { type: ActionType; colleagueId?: string };
      outcome: CallOutcomeV1;
      trace: unknown[];
      practitioner_id: string | null;
      interrupts_consultation: boolean;
      rulebook_scope: string;
      rule_id: string;
    }>(
      `select provider_call_id, action, outcome, trace, practitioner_id, interrupts_consultation, rulebook_scope, rule_id from call`,
    );
    expect(journal).toHaveLength(300);
    const byId = new Map(journal.map((row) => [row.provider_call_id, row]));
    const mismatches = played.flatMap(({ scripted, providerCallId }) => {
      const row = byId.get(providerCallId);
      const got = { action: row?.action.type, outcome: row?.outcome };
      return row &&
        row.trace.length > 0 &&
        got.action === scripted.expected.action &&
        got.outcome === scripted.expected.outcome
        ? []
        : [{ category: scripted.category, expected: scripted.expected, got, traced: row?.trace.length }];
    });
    expect(mismatches).toEqual([]);

    // The absent P6's calls go to the first colleague on duty who is in (P7), at P7's desk.
    const [, , , , , p6, p7] = p;
    for (const { scripted, providerCallId, dialled } of played.filter(
      (c) => c.scripted.practitionerId === p6 && c.scripted.expected.action === 'forward_on_duty',
    )) {
      expect(byId.get(providerCallId)?.action).toEqual({ type: 'forward_on_duty', colleagueId: p7 });
      expect({ category: scripted.category, dialled }).toEqual({ category: scripted.category, dialled: [desks[p7]] });
    }
    // Every emergency went to the 15.
    const emergencies = played.filter((c) => c.scripted.category === 'emergency');
    expect(emergencies.map((c) => c.dialled)).toEqual([['15'], ['15'], ['15']]);
    expect(await app.events('call-routing.emergency.redirected.v1')).toHaveLength(3);
    // The only consultations interrupted are those P1's own rule asked for.
    const interrupted = journal.filter((row) => row.interrupts_consultation);
    expect(new Set(interrupted.map((row) => `${row.rulebook_scope}:${row.rule_id}`))).toEqual(
      new Set(['practitioner:passage-toujours']),
    );
  }, 300_000); // 300 calls through the real service: a loaded CI runner takes more than the default 90 s

  it('reports the figures the script implies: handled without a human, messages, interruptions avoided', async () => {
    const [p1, p2, p3, p4, p5] = p;
    const inConsultation = new Set([p1, p2, p3, p4, p5]);
    const count = (predicate: (c: ScriptedCall) => boolean) => script.filter(predicate).length;
    const withoutHuman = count((c) =>
      ['self_service_done', 'information_given', 'redirected_to_15'].includes(c.expected.outcome),
    );
    const messages = count((c) => c.expected.outcome === 'message_taken');
    const duringConsultation = count((c) => c.practitionerId !== null && inConsultation.has(c.practitionerId));
    const interrupted = count((c) => c.category === "advice, P1's pass-through list");

    const { callStatistics: stats } = await app.ok<{ callStatistics: Record<string, number> }>(
      `query($input: CallJournalInput!) {
        callStatistics(input: $input) {
          calls handledWithoutHuman shareWithoutHuman messagesTaken transferredToHuman redirectedTo15
          duringConsultation consultationsInterrupted interruptionsAvoided
        }
      }`,
      {
        input: {
          structureId: practice.structureId,
          siteId: practice.siteId,
          from: '2027-03-01T00:00:00+01:00',
          to: '2027-03-02T00:00:00+01:00',
        },
      },
      practice.admin,
    );
    expect(stats).toEqual({
      calls: 300,
      handledWithoutHuman: withoutHuman,
      shareWithoutHuman: withoutHuman / 300,
      messagesTaken: messages,
      transferredToHuman: 300 - withoutHuman - messages,
      redirectedTo15: 3,
      duringConsultation,
      consultationsInterrupted: interrupted,
      interruptionsAvoided: duringConsultation - interrupted,
    });
    // The seeds' automated secretary: at least 85 % of calls handled alone or by a message.
    expect((withoutHuman + messages) / 300).toBeGreaterThanOrEqual(0.85);
    process.stdout.write(
      `\nMonday morning, 300 calls: ${withoutHuman} handled without a human (${((100 * withoutHuman) / 300).toFixed(1)} %), ` +
        `${messages} messages (${((100 * messages) / 300).toFixed(1)} %), together ${((100 * (withoutHuman + messages)) / 300).toFixed(1)} %; ` +
        `${stats.transferredToHuman} transferred; ${duringConsultation} calls during a consultation, ${interrupted} interrupted ` +
        `(${((100 * interrupted) / duringConsultation).toFixed(1)} %, all by P1's own rule), ${duringConsultation - interrupted} interruptions avoided.\n`,
    );
  });
});
