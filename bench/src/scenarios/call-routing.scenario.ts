import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { workspaceRoot } from '@msp/infra';
import { seedCallRouting, type CallRoutingPractice } from '../dataset/call-routing-seeder';
import { type Dataset, medecinTraitantOf, patientPhone, seededRandom, TIME_ZONE } from '../dataset/dataset-plan';
import { withDatabase } from '../load/database';
import { summarize } from '../load/latency';
import { CpuAccount, describeCpu } from '../load/process-cpu';
import { telephonyWebhook, type CallEvent, type VoiceReplySeen, type WebhookAnswer } from '../load/telephony-webhook';
import type { Measurement, ScenarioResult, TargetCheck } from '../report/bench-result';
import type { BenchScale, BenchStack, SeededDataset } from './bench-context';
import { shuffle } from './booking.scenario';
import { targetCheck } from './target-check';

/** The practitioners call routing knows: a CPTS-sized team, within the base dataset's 50. */
export const CALL_ROUTING_PRACTITIONERS = 40;
/** A decision the caller waits for in silence: the issue's target. */
export const DECISION_P99_TARGET_MS = 20;

/** What a caller wants, and the menu key that says it. */
export const CALL_KINDS = {
  book: '1',
  prescription: '4',
  results: '5',
  advice: '6',
  information: '8',
  emergency: '9',
} as const;
export type CallKind = keyof typeof CALL_KINDS;

export interface PlannedCall {
  index: number;
  kind: CallKind;
  /** The caller's number (a seeded patient's) and the line called (their médecin traitant's site). */
  from: string;
  to: string;
  siteId: string;
  practitionerId: string;
}

/** One call as the bench placed it: every answer it got, and what went wrong. */
interface CallTrace {
  call: PlannedCall;
  providerCallId: string;
  started?: WebhookAnswer;
  decision?: WebhookAnswer;
  slotChoices: WebhookAnswer[];
  message?: WebhookAnswer;
  ended?: WebhookAnswer;
  failures: string[];
}

/** A third book, a third ask for advice, 1 % are emergencies, the rest want a prescription, results or information. */
export function planCallMix(count: number, seed: number): CallKind[] {
  const book = Math.round(count / 3);
  const advice = Math.round(count / 3);
  const emergency = Math.max(1, Math.round(count / 100));
  const others: CallKind[] = ['prescription', 'results', 'information'];
  const kinds: CallKind[] = [
    ...Array.from({ length: book }, (): CallKind => 'book'),
    ...Array.from({ length: advice }, (): CallKind => 'advice'),
    ...Array.from({ length: emergency }, (): CallKind => 'emergency'),
    ...Array.from({ length: Math.max(0, count - book - advice - emergency) }, (_, i) => others[i % others.length]),
  ];
  return shuffle(kinds, seededRandom(seed));
}

/**
 * Who calls: distinct seeded patients (as long as there are enough) whose médecin traitant call routing knows, each
 * calling the line of that practitioner's site, so that self-service looks for that practitioner's free slots there.
 */
export function planCalls(dataset: Dataset, practice: CallRoutingPractice, count: number, seed: number): PlannedCall[] {
  const known = new Set(practice.practitioners.map((p) => p.id));
  const callers = shuffle(
    dataset.patientIds.map((_, i) => i).filter((i) => known.has(medecinTraitantOf(dataset, i).id)),
    seededRandom(seed + 1),
  );
  if (callers.length === 0) throw new Error('No seeded patient has a médecin traitant call routing knows');
  return planCallMix(count, seed).map((kind, index) => {
    const patient = callers[index % callers.length];
    const doctor = medecinTraitantOf(dataset, patient);
    const line = practice.lines.find((l) => l.siteId === doctor.siteIds[0]);
    if (!line) throw new Error(`No line seeded for site ${doctor.siteIds[0]}`);
    return {
      index,
      kind,
      from: patientPhone(patient),
      to: line.number,
      siteId: line.siteId,
      practitionerId: doctor.id,
    };
  });
}

const gathers = (reply: VoiceReplySeen | undefined, next: string) =>
  reply?.steps.some((step) => step.verb === 'gather' && step.next === next) ?? false;
const records = (reply: VoiceReplySeen | undefined) => reply?.steps.some((step) => step.verb === 'record') ?? false;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One call from ring to hang-up, as a telephony platform reports it: started, the menu key (the decision), for a
 * booking the first slot offered (once more if it was taken meanwhile), the message when one is asked for, ended.
 * Each body carries a unique `eventId`, as the webhook's contract asks: two identical bodies signed in the same second
 * would be one request replayed for the service.
 */
async function placeCall(
  send: ReturnType<typeof telephonyWebhook>,
  call: PlannedCall,
  providerCallId: string,
  pauseMs: number,
): Promise<CallTrace> {
  const trace: CallTrace = { call, providerCallId, slotChoices: [], failures: [] };
  let sequence = 0;
  const step = async (event: CallEvent, body: Record<string, unknown>) => {
    sequence += 1;
    const answer = await send(event, { eventId: `${providerCallId}-${sequence}`, providerCallId, ...body });
    if (answer.status < 200 || answer.status >= 300)
      trace.failures.push(`${event}: ${answer.status ? `HTTP ${answer.status}` : 'no answer'} ${answer.failure ?? ''}`);
    return answer;
  };
  trace.started = await step('started', { from: call.from, to: call.to });
  if (trace.failures.length > 0) return trace;
  await sleep(pauseMs);
  trace.decision = await step('answered', { digits: CALL_KINDS[call.kind] });
  let reply = trace.decision.reply;
  while (gathers(reply, 'slot-choice') && trace.slotChoices.length < 2) {
    await sleep(pauseMs);
    const chosen = await step('answered', { digits: '1' });
    trace.slotChoices.push(chosen);
    reply = chosen.reply;
  }
  if (records(reply)) {
    await sleep(pauseMs);
    trace.message = await step('message', { recordingSeconds: 20 });
  }
  trace.ended = await step('ended', {});
  return trace;
}

/** Open loop: call `n` starts at `n × seconds / count` whatever the earlier calls are doing, as callers ring. */
async function placeCalls(
  calls: readonly PlannedCall[],
  seconds: number,
  place: (call: PlannedCall) => Promise<CallTrace>,
): Promise<{ traces: CallTrace[]; wallSeconds: number; maxLagMs: number }> {
  const interval = (seconds * 1000) / calls.length;
  const started = performance.now();
  let maxLagMs = 0;
  const running: Promise<CallTrace>[] = [];
  for (const call of calls) {
    const wait = started + call.index * interval - performance.now();
    if (wait > 0) await sleep(wait);
    else maxLagMs = Math.max(maxLagMs, -wait);
    running.push(place(call));
  }
  const traces = await Promise.all(running);
  return { traces, wallSeconds: (performance.now() - started) / 1000, maxLagMs };
}

interface DecideBaseline {
  decide(input: unknown): { action: { type: string } };
  rules: unknown[];
}

/**
 * Call routing's pure decision and its default rulebook, from the service's build (`npm run bench` builds first): the
 * bench may not import a service's sources, and the in-process figure must be the code the service runs.
 */
function loadDecide(): DecideBaseline {
  const root = workspaceRoot();
  const load = createRequire(join(root, 'package.json'));
  const domain = join(root, 'services', 'call-routing', 'dist', 'domain', 'rulebook');
  const { decide } = load(join(domain, 'decide.js')) as Pick<DecideBaseline, 'decide'>;
  const { DEFAULT_SITE_RULEBOOK } = load(join(domain, 'default-rulebook.js')) as {
    DEFAULT_SITE_RULEBOOK: { rules: unknown[] };
  };
  return { decide, rules: DEFAULT_SITE_RULEBOOK.rules };
}

/** The baseline of the decision: `decide()` alone, in this process, over the same calls and the default rulebook. */
export function decideInProcess(calls: readonly PlannedCall[]): number[] {
  const { decide, rules } = loadDecide();
  const input = (call: PlannedCall) => ({
    call: {
      callerKind: 'patient',
      passThrough: false,
      prefersHuman: false,
      intent: call.kind,
      urgent: call.kind === 'emergency',
    },
    practitionerId: call.practitionerId,
    rulebooks: [{ scope: { kind: 'site', siteId: call.siteId }, version: 0, rules }],
    statuses: {},
    now: new Date(),
    calendar: { timeZone: TIME_ZONE, territory: 'mainland', workedHolidays: [], dutyRoster: [] },
  });
  for (const call of calls.slice(0, 200)) decide(input(call)); // JIT warm-up
  return calls.map((call) => {
    const prepared = input(call);
    const before = performance.now();
    decide(prepared);
    return performance.now() - before;
  });
}

/** The other baseline: an HTTP round trip to call routing's public listener that does nothing (`/health/live`). */
async function rawHttpRoundTrips(publicUrl: string, samples: number): Promise<number[]> {
  const probe = async () => {
    const before = performance.now();
    const response = await fetch(`${publicUrl}/health/live`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`Call routing's /health/live answered HTTP ${response.status}`);
    return performance.now() - before;
  };
  for (let i = 0; i < 20; i++) await probe();
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) latencies.push(await probe());
  return latencies;
}

const databaseNow = (url: string) =>
  withDatabase(
    url,
    async (client) => (await client.query<{ now: Date }>('select clock_timestamp() as now')).rows[0].now,
  );

/** What call routing's journal and outbox, and scheduling's agenda, hold of the run's calls. */
async function afterTheRun(stack: BenchStack, seeded: SeededDataset, tag: string, since: Date) {
  const journal = await withDatabase(stack.callRoutingDatabaseUrl, async (client) => {
    const calls = await client.query<{
      id: string;
      step: string;
      outcome: string | null;
      caller_kind: string;
      message_reason: string | null;
    }>(
      `select provider_call_id as id, step, outcome, caller_kind, message_reason from call
        where provider = 'webhook' and provider_call_id like $1`,
      [`${tag}-%`],
    );
    const messages = await client.query<{ n: number }>(
      `select count(*)::int as n from outbox_message where event_type = 'call-routing.message.taken.v1' and created_at >= $1`,
      [since],
    );
    return { calls: calls.rows, messageEvents: messages.rows[0].n };
  });
  const agenda = await withDatabase(stack.schedulingDatabaseUrl, async (client) => {
    const booked = await client.query<{ n: number }>(
      `select count(*)::int as n from appointment
        where structure_id = $1 and booked_by = 'virtual_secretary' and status <> 'cancelled' and created_at >= $2`,
      [seeded.dataset.structureId, since],
    );
    // Overlapping live appointments of one practitioner where the virtual secretary booked one: must be 0.
    const doubles = await client.query<{ n: number }>(
      `select count(*)::int as n from appointment a join appointment b
          on a.practitioner_id = b.practitioner_id and a.id < b.id
         and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
       where a.structure_id = $1 and a.status <> 'cancelled' and b.status <> 'cancelled'
         and 'virtual_secretary' in (a.booked_by, b.booked_by)`,
      [seeded.dataset.structureId],
    );
    return { booked: booked.rows[0].n, doubleBookings: doubles.rows[0].n };
  });
  return { ...journal, ...agenda };
}

function tally<T>(items: readonly T[], key: (item: T) => string | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

const describeCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');

const latencyOf = (answers: readonly (WebhookAnswer | undefined)[]) =>
  answers.filter((a): a is WebhookAnswer => a !== undefined).map((a) => a.latencyMs);

/**
 * Scenario "calls": 1,000 calls in 60 s through the neutral telephony webhook, at the gateway, for 40 practitioners:
 * how long the decision takes, how many self-service bookings succeed, and that no call is lost — against `decide()`
 * in-process and a raw HTTP round trip to the service.
 */
export async function callRoutingScenario(
  stack: BenchStack,
  seeded: SeededDataset,
  scale: BenchScale,
): Promise<ScenarioResult> {
  const begun = performance.now();
  const { count, seconds, pauseMs } = scale.calls;
  const practice = await seedCallRouting(seeded.dataset, stack.callRoutingDatabaseUrl, CALL_ROUTING_PRACTITIONERS);
  const calls = planCalls(seeded.dataset, practice, count, count);
  const tag = `bench${Date.now().toString(36)}`;

  const inProcess = decideInProcess(calls);
  const raw = await rawHttpRoundTrips(stack.callRoutingPublicUrl, scale.smoke ? 20 : 300);

  const send = telephonyWebhook(stack.gatewayUrl, stack.telephonyWebhookSecret);
  // Warm-up, not reported: the service's pools and JIT, the gateway's route, scheduling's free-slot search.
  const warmUp = planCalls(seeded.dataset, practice, 10, 7).map((call) => ({ ...call, kind: 'information' as const }));
  for (const call of warmUp) await placeCall(send, call, `${tag}w-${call.index}`, 0);
  // The same mix one call at a time: what a decision costs when nothing else runs, against which the load's queue shows.
  // Also straight to call routing's public listener: the gateway's share of it.
  const direct = telephonyWebhook(stack.callRoutingPublicUrl, stack.telephonyWebhookSecret);
  const idle: CallTrace[] = [];
  const idleDirect: CallTrace[] = [];
  for (const call of planCalls(seeded.dataset, practice, scale.smoke ? 10 : 60, 11)) {
    idle.push(await placeCall(send, call, `${tag}i-${call.index}`, 0));
    idleDirect.push(await placeCall(direct, call, `${tag}d-${call.index}`, 0));
  }

  const since = await databaseNow(stack.callRoutingDatabaseUrl);
  const cpu = new CpuAccount(stack.pids);
  const before = cpu.sample();
  const run = await placeCalls(calls, seconds, (call) => placeCall(send, call, `${tag}-${call.index}`, pauseMs));
  const cpuMs = CpuAccount.perOperation(before, cpu.sample(), calls.length);
  const after = await afterTheRun(stack, seeded, tag, since);

  const { traces } = run;
  const journaled = new Set(after.calls.map((c) => c.id));
  const lost = traces.filter((t) => !journaled.has(t.providerCallId) || t.failures.length > 0);
  const failedRequests = traces.reduce((sum, t) => sum + t.failures.length, 0);
  const decisions = tally(traces, (t) => t.decision?.reply?.decision?.action.type);
  const outcomes = tally(after.calls, (c) => c.outcome ?? c.step);
  const messageReasons = tally(after.calls, (c) => c.message_reason ?? undefined);
  const booking = traces.filter((t) => t.call.kind === 'book');
  const confirmed = booking.filter((t) => {
    const last = t.slotChoices.at(-1)?.reply;
    return last !== undefined && !records(last) && !gathers(last, 'slot-choice');
  }).length;
  const errorsOf = (answers: readonly (WebhookAnswer | undefined)[]) =>
    answers.filter((a) => a !== undefined && (a.status < 200 || a.status >= 300)).length;
  const decisionLatency = (kinds: (kind: CallKind) => boolean) =>
    latencyOf(traces.filter((t) => kinds(t.call.kind)).map((t) => t.decision));

  const decision: Measurement = {
    id: 'decision',
    label: `Decision (the menu key answered), ${(count / seconds).toFixed(1)} calls/s through the gateway`,
    kind: 'latency',
    operations: traces.filter((t) => t.decision).length,
    errors: errorsOf(traces.map((t) => t.decision)),
    throughputPerSecond: Math.round((traces.length / run.wallSeconds) * 10) / 10,
    latencyMs: summarize(decisionLatency(() => true)),
    baselineOf: 'health-raw',
    cpuMsPerOperation: cpuMs,
    extra: {
      callsSent: traces.length,
      journaled: journaled.size,
      endedInJournal: after.calls.filter((c) => c.step === 'ended').length,
      lostCalls: lost.length,
      failedRequests,
      identifiedCallers: after.calls.filter((c) => c.caller_kind === 'patient').length,
      bookingCalls: booking.length,
      slotsOffered: booking.filter((t) => t.slotChoices.length > 0).length,
      bookingsConfirmed: confirmed,
      appointmentsBooked: after.booked,
      doubleBookings: after.doubleBookings,
      messageEvents: after.messageEvents,
      redirectedTo15: outcomes.redirected_to_15 ?? 0,
    },
  };
  const measurements: Measurement[] = [
    {
      id: 'decide-in-process',
      label: 'decide() in-process, default rulebook, same call mix',
      kind: 'latency',
      operations: inProcess.length,
      errors: 0,
      latencyMs: summarize(inProcess),
      baseline: true,
    },
    {
      id: 'health-raw',
      label: 'Raw HTTP round trip to call routing (/health/live, one at a time)',
      kind: 'latency',
      operations: raw.length,
      errors: 0,
      latencyMs: summarize(raw),
      baseline: true,
    },
    {
      id: 'started',
      label: 'Call started (caller identified by the directory, journaled, menu)',
      kind: 'latency',
      operations: traces.length,
      errors: errorsOf(traces.map((t) => t.started)),
      latencyMs: summarize(latencyOf(traces.map((t) => t.started))),
      baselineOf: 'health-raw',
    },
    {
      id: 'decision-idle',
      label: 'Decision, one call at a time (same mix, idle stack)',
      kind: 'latency',
      operations: idle.length,
      errors: idle.filter((t) => t.failures.length > 0).length,
      latencyMs: summarize(latencyOf(idle.map((t) => t.decision))),
      baselineOf: 'health-raw',
    },
    {
      id: 'decision-idle-direct',
      label: 'Decision, one call at a time, straight to call routing’s public listener (no gateway)',
      kind: 'latency',
      operations: idleDirect.length,
      errors: idleDirect.filter((t) => t.failures.length > 0).length,
      latencyMs: summarize(latencyOf(idleDirect.map((t) => t.decision))),
      baselineOf: 'health-raw',
    },
    decision,
    {
      id: 'decision-book',
      label: 'Decision of a booking call (rulebook, then scheduling’s free-slot search)',
      kind: 'latency',
      operations: booking.length,
      errors: errorsOf(booking.map((t) => t.decision)),
      latencyMs: summarize(decisionLatency((kind) => kind === 'book')),
      baselineOf: 'health-raw',
    },
    {
      id: 'decision-other',
      label: 'Decision of the other calls (advice, prescription, results, information, emergency)',
      kind: 'latency',
      operations: traces.length - booking.length,
      errors: errorsOf(traces.filter((t) => t.call.kind !== 'book').map((t) => t.decision)),
      latencyMs: summarize(decisionLatency((kind) => kind !== 'book')),
      baselineOf: 'health-raw',
    },
    {
      id: 'slot-choice',
      label: 'Slot chosen (hold and confirmation in scheduling)',
      kind: 'latency',
      operations: booking.reduce((sum, t) => sum + t.slotChoices.length, 0),
      errors: errorsOf(booking.flatMap((t) => t.slotChoices)),
      latencyMs: summarize(latencyOf(booking.flatMap((t) => t.slotChoices))),
      baselineOf: 'health-raw',
    },
  ];

  const localTime = DateTime.now().setZone(TIME_ZONE).toFormat('ccc HH:mm');
  const notes = [
    `${practice.practitioners.length} of the dataset's practitioners and its ${seeded.dataset.sites.length} sites seeded into call routing with COPY (one line per site, the consultation as phone-booking motif); callers are seeded patients whose médecin traitant is among them, each calling that practitioner's site.`,
    `Decisions taken: ${describeCounts(decisions)}. Outcomes in the journal: ${describeCounts(outcomes)}. Why a message: ${describeCounts(messageReasons)}.`,
    `Run at ${localTime} (${TIME_ZONE}) on the default rulebook, open weekdays 08:00–19:00 and Saturday morning: outside those hours medical questions hear the hours instead of leaving a message.`,
    `CPU per operation is per call (its 3 to 5 webhook requests, through the gateway); each caller pauses ${pauseMs} ms between steps.`,
  ];
  if (run.maxLagMs > 100)
    notes.push(`The load generator started some calls up to ${Math.round(run.maxLagMs)} ms late (open loop behind).`);
  const firstFailure = lost.find((t) => t.failures.length > 0)?.failures[0];
  if (firstFailure) notes.push(`First failed request: ${firstFailure.trim()}`);

  return {
    id: 'calls',
    title: `Call routing: ${count.toLocaleString('en')} calls in ${seconds} s through the telephony webhook`,
    dataset: seeded.dataset.size.name,
    durationSeconds: (performance.now() - begun) / 1000,
    measurements,
    targets: callTargets(measurements),
    notes,
  };
}

export function callTargets(measurements: readonly Measurement[]): TargetCheck[] {
  const decision = measurements.find((m) => m.id === 'decision');
  if (!decision?.latencyMs) return [];
  const inProcess = measurements.find((m) => m.id === 'decide-in-process')?.latencyMs;
  const raw = measurements.find((m) => m.id === 'health-raw')?.latencyMs;
  const idle = measurements.find((m) => m.id === 'decision-idle')?.latencyMs;
  const lost = decision.extra?.lostCalls ?? 0;
  const limitedBy = [
    describeCpu(decision.cpuMsPerOperation)?.replace('per operation', 'per call'),
    idle && `one call at a time p50 ${idle.p50} ms, p99 ${idle.p99} ms`,
    inProcess && `decide() alone p99 ${inProcess.p99} ms`,
    raw && `a raw HTTP round trip p99 ${raw.p99} ms`,
  ]
    .filter(Boolean)
    .join('; ');
  return [
    targetCheck(
      `${decision.label}: p99 < ${DECISION_P99_TARGET_MS} ms`,
      `${decision.latencyMs.p99} ms`,
      `< ${DECISION_P99_TARGET_MS} ms`,
      decision.latencyMs.p99 < DECISION_P99_TARGET_MS,
      limitedBy,
    ),
    targetCheck(
      'Lost calls (not journaled, or any request not answered 2xx)',
      String(lost),
      '0',
      lost === 0,
      `${decision.extra?.failedRequests ?? 0} failed requests`,
    ),
  ];
}
