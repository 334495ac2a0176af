import { randomUUID } from 'node:crypto';
import { TestEventPublisher } from '@msp/testing';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';
import { openPractice, phoneNumber, type Practice } from './fixtures/practice';

describe('any number of simultaneous calls (CAL-6)', () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  let practice: Practice;

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('concurrent_calls');
    events = await TestEventPublisher.start('call-routing-spec-concurrent');
    practice = await openPractice(app, events, { practitioners: 4 });
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  it('takes 200 decisions at once with no error and a journal row and routed event for each', async () => {
    const calls = Array.from({ length: 200 }, (_, i) => {
      const from = phoneNumber();
      app.directory.callers.set(from, {
        kind: 'patient',
        patientId: randomUUID(),
        medecinTraitantId: practice.practitioners[i % 4],
        passThrough: i % 10 === 0,
        prefersHuman: false,
      });
      return { providerCallId: `burst-${i}-${randomUUID()}`, from, digits: String((i % 8) + 1) };
    });
    const started = await Promise.all(
      calls.map((c) =>
        app.webhook('started', { providerCallId: c.providerCallId, from: c.from, to: practice.siteLine }),
      ),
    );
    expect(started.filter((a) => a.status !== 200)).toEqual([]);
    const decided = await Promise.all(
      calls.map((c) => app.webhook('answered', { providerCallId: c.providerCallId, digits: c.digits })),
    );
    expect(decided.filter((a) => a.status !== 200 || !a.body.decision)).toEqual([]);

    const rows = await app.sql<{ n: number }>(
      `select count(*)::int as n from call where provider_call_id like 'burst-%' and decided_at is not null and action is not null`,
    );
    expect(rows).toEqual([{ n: 200 }]);
    const ids = new Set(
      (await app.sql<{ id: string }>(`select id from call where provider_call_id like 'burst-%'`)).map((r) => r.id),
    );
    const routed = (await app.events('call-routing.call.routed.v1')).filter((e) => ids.has(e.callId as string));
    expect(routed).toHaveLength(200);
  });
});
