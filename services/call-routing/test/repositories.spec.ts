import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, inTransaction, NoActiveTransactionError, runMigrations } from '@msp/persistence';
import { createTestDatabase, type TestDatabase } from '@msp/testing';
import type { CallRecord } from '../src/application/ports/call-journal.repository';
import type { PhoneLine } from '../src/application/ports/line.repository';
import type { RulebookVersion } from '../src/application/ports/rulebook.repository';
import { CallRoutingErrorCode } from '../src/domain/call-routing-error';
import { CALL_ROUTING_ENTITIES } from '../src/infrastructure/entities';
import { CALL_ROUTING_MIGRATIONS } from '../src/infrastructure/migrations';
import { PostgresReplayGuard } from '../src/infrastructure/repositories/postgres-replay-guard';
import { TypeOrmCallJournalRepository } from '../src/infrastructure/repositories/typeorm-call-journal.repository';
import { TypeOrmDirectoryCopyRepository } from '../src/infrastructure/repositories/typeorm-directory-copy.repository';
import { TypeOrmLineRepository } from '../src/infrastructure/repositories/typeorm-line.repository';
import { TypeOrmPresenceRepository } from '../src/infrastructure/repositories/typeorm-presence.repository';
import { TypeOrmRulebookRepository } from '../src/infrastructure/repositories/typeorm-rulebook.repository';
import { TypeOrmSiteSettingsRepository } from '../src/infrastructure/repositories/typeorm-site-settings.repository';

const at = (iso: string): Date => new Date(iso);
const minutes = (n: number): number => n * 60_000;

describe('call-routing repositories on PostgreSQL', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('call_routing_repositories');
    db = await createDataSource({
      url: database.url,
      entities: CALL_ROUTING_ENTITIES,
      migrations: [...CALL_ROUTING_MIGRATIONS],
    }).initialize();
    await runMigrations(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const line = (over: Partial<PhoneLine> = {}): PhoneLine => ({
    id: randomUUID(),
    structureId: randomUUID(),
    siteId: randomUUID(),
    practitionerId: null,
    number: `+3323${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
    deskNumber: '+33612345678',
    label: 'Accueil',
    createdAt: at('2027-03-01T07:00:00Z'),
    ...over,
  });

  describe('presence', () => {
    const presence = () => new TypeOrmPresenceRepository(db);

    it('says absent over in consultation, in consultation while one is open, and free otherwise', async () => {
      const [absentOne, consulting, idle] = [randomUUID(), randomUUID(), randomUUID()];
      await presence().consultationStarted(randomUUID(), absentOne, at('2027-03-01T08:00:00Z'));
      await presence().absenceDeclared(randomUUID(), absentOne, at('2027-03-01T07:00:00Z'), at('2027-03-01T12:00:00Z'));
      await presence().consultationStarted(randomUUID(), consulting, at('2027-03-01T08:00:00Z'));

      expect(await presence().statuses([absentOne, consulting, idle], at('2027-03-01T08:10:00Z'))).toEqual({
        [absentOne]: 'absent',
        [consulting]: 'in_consultation',
        [idle]: 'free',
      });
      // The absence ends at 12:00 (exclusive): the open consultation shows again.
      expect(await presence().statuses([absentOne], at('2027-03-01T12:00:00Z'))).toEqual({ [absentOne]: 'free' });
    });

    it('keeps a consultation closed when its completion is replayed before its start', async () => {
      const [practitioner, appointment] = [randomUUID(), randomUUID()];
      await presence().consultationEnded(appointment, practitioner, at('2027-03-01T09:20:00Z'));
      await presence().consultationStarted(appointment, practitioner, at('2027-03-01T09:00:00Z'));
      await presence().consultationStarted(appointment, practitioner, at('2027-03-01T09:00:00Z'));

      expect(await presence().statuses([practitioner], at('2027-03-01T09:10:00Z'))).toEqual({
        [practitioner]: 'in_consultation',
      });
      expect(await presence().statuses([practitioner], at('2027-03-01T09:30:00Z'))).toEqual({
        [practitioner]: 'free',
      });
    });

    it('stops counting a consultation never completed four hours after it started', async () => {
      const practitioner = randomUUID();
      const started = at('2027-03-01T08:00:00Z');
      await presence().consultationStarted(randomUUID(), practitioner, started);

      const status = async (offset: number) =>
        (await presence().statuses([practitioner], new Date(started.getTime() + offset)))[practitioner];
      expect(await status(minutes(4 * 60 - 1))).toBe('in_consultation');
      expect(await status(minutes(4 * 60 + 1))).toBe('free');
    });

    it('shortens an absence ended early, even when its declaration is replayed afterwards', async () => {
      const [practitioner, absence] = [randomUUID(), randomUUID()];
      const declare = () =>
        presence().absenceDeclared(absence, practitioner, at('2027-03-01T07:00:00Z'), at('2027-03-05T18:00:00Z'));
      await declare();
      await presence().absenceEnded(absence, practitioner, at('2027-03-02T12:00:00Z'));
      await declare();

      expect(await presence().statuses([practitioner], at('2027-03-02T11:00:00Z'))).toEqual({
        [practitioner]: 'absent',
      });
      expect(await presence().statuses([practitioner], at('2027-03-03T09:00:00Z'))).toEqual({
        [practitioner]: 'free',
      });
    });
  });

  describe('directory copy', () => {
    it('never lets an older fact overwrite a newer one, and lists only current members', async () => {
      const copy = new TypeOrmDirectoryCopyRepository(db);
      const [structureId, siteId, stays, leaves, stranger] = [
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
      ];
      const hours = [{ weekday: 1, opens: '08:00', closes: '19:00' }];
      await copy.upsertSite(
        { siteId, structureId, timeZone: 'Indian/Reunion', openingHours: hours },
        at('2027-03-02T00:00:00Z'),
      );
      await copy.upsertSite(
        { siteId, structureId, timeZone: 'Europe/Paris', openingHours: [] },
        at('2027-03-01T00:00:00Z'),
      );
      expect(await copy.site(siteId)).toEqual({ siteId, structureId, timeZone: 'Indian/Reunion', openingHours: hours });

      await copy.upsertMember(stays, structureId, 'general_practitioner', at('2027-03-01T00:00:00Z'));
      await copy.markMemberLeft(leaves, structureId, at('2027-03-02T00:00:00Z'));
      // The arrival is older than the departure already applied: it must not bring the member back.
      await copy.upsertMember(leaves, structureId, 'nurse', at('2027-03-01T00:00:00Z'));

      expect((await copy.currentMembers(structureId, [stays, leaves, stranger])).sort()).toEqual([stays]);
      expect(await copy.currentMembers(randomUUID(), [stays])).toEqual([]);
    });
  });

  describe('lines', () => {
    it('refuses a number already live on the platform, and frees it once the line is removed', async () => {
      const lines = new TypeOrmLineRepository(db);
      const first = await lines.create(line());
      const elsewhere = line({ number: first.number });

      await expect(lines.create(elsewhere)).rejects.toMatchObject({
        code: CallRoutingErrorCode.LineTaken,
        field: 'input.number',
      });
      // Refused inside a transaction too (the application's path): nothing of it is written.
      await expect(inTransaction(db, () => lines.create(elsewhere))).rejects.toMatchObject({
        code: CallRoutingErrorCode.LineTaken,
      });
      expect(await lines.byId(elsewhere.id)).toBeNull();

      expect(await lines.remove(first.id, at('2027-03-02T00:00:00Z'))).toMatchObject({ id: first.id });
      expect(await lines.byNumber(first.number)).toBeNull();
      expect(await lines.ofStructure(first.structureId)).toEqual([]);

      const reused = await lines.create(elsewhere);
      expect(await lines.byNumber(first.number)).toEqual(reused);
      expect(await lines.byId(first.id)).toMatchObject({ number: first.number });
    });

    it("finds a practitioner's own line and the site's line", async () => {
      const lines = new TypeOrmLineRepository(db);
      const siteLine = await lines.create(line());
      const practitionerId = randomUUID();
      const own = await lines.create(
        line({ structureId: siteLine.structureId, siteId: siteLine.siteId, practitionerId, label: 'Dr Martin' }),
      );

      expect(await lines.siteLine(siteLine.siteId)).toEqual(siteLine);
      expect(await lines.ofPractitioners(siteLine.structureId, [practitionerId, randomUUID()])).toEqual([own]);
      expect(await lines.ofPractitioners(randomUUID(), [practitionerId])).toEqual([]);
    });
  });

  describe('site settings', () => {
    it('stores and replaces a site settings row', async () => {
      const settings = new TypeOrmSiteSettingsRepository(db);
      const siteId = randomUUID();
      const first = {
        siteId,
        structureId: randomUUID(),
        territory: 'alsace-moselle' as const,
        workedHolidays: ['whit_monday'],
        dutyRoster: [randomUUID(), randomUUID()],
        remoteQueue: 'secretariat-distant',
        bookingMotifId: randomUUID(),
        updatedAt: at('2027-03-01T08:00:00Z'),
        updatedBy: randomUUID(),
      };
      expect(await settings.save(first)).toEqual(first);
      const second = { ...first, workedHolidays: [], remoteQueue: null, updatedAt: at('2027-03-02T08:00:00Z') };
      await settings.save(second);
      expect(await settings.get(siteId)).toEqual(second);
      expect(await settings.get(randomUUID())).toBeNull();
    });
  });

  describe('rulebooks', () => {
    const structureId = randomUUID();
    const site = { kind: 'site' as const, siteId: randomUUID() };
    const practitioner = { kind: 'practitioner' as const, practitionerId: randomUUID() };
    const version = (scope: RulebookVersion['scope'], n: number, label: string): RulebookVersion => ({
      structureId,
      scope,
      version: n,
      document: {
        rules: [{ id: 'urgences', label, when: { urgent: true }, then: { type: 'redirect_15' } }],
      },
      changes: [{ kind: 'added', ruleId: 'urgences' }] as unknown as RulebookVersion['changes'],
      warnings: [] as RulebookVersion['warnings'],
      authorId: randomUUID(),
      createdAt: at(`2027-03-0${n}T08:00:00Z`),
    });

    it('refuses a second version with the same number as STALE_RULEBOOK', async () => {
      const rulebooks = new TypeOrmRulebookRepository(db);
      await rulebooks.append(version(site, 1, 'Urgences vers le 15'));
      await expect(rulebooks.append(version(site, 1, 'Urgences (autre)'))).rejects.toMatchObject({
        code: CallRoutingErrorCode.StaleRulebook,
        field: 'input.basedOnVersion',
      });
      expect((await rulebooks.current(site))?.document.rules[0].label).toBe('Urgences vers le 15');
    });

    it('reads the current version of several scopes at once, in the order asked', async () => {
      const rulebooks = new TypeOrmRulebookRepository(db);
      const second = version(site, 2, 'Urgences, version 2');
      await rulebooks.append(second);
      await rulebooks.append(version(practitioner, 1, 'Mes urgences'));

      const current = await rulebooks.currentOf([practitioner, site, { kind: 'site', siteId: randomUUID() }]);
      expect(current.map((v) => [v.scope, v.version])).toEqual([
        [practitioner, 1],
        [site, 2],
      ]);
      expect(current[1]).toEqual(second);
      expect((await rulebooks.history(site, 10)).map((v) => v.version)).toEqual([2, 1]);
      expect((await rulebooks.version(site, 1))?.document.rules[0].label).toBe('Urgences vers le 15');
    });
  });

  describe('call journal', () => {
    const journal = () => new TypeOrmCallJournalRepository(db);
    let siteLine: PhoneLine;

    beforeAll(async () => {
      siteLine = await new TypeOrmLineRepository(db).create(line());
    });

    const call = (over: Partial<CallRecord> = {}): CallRecord => ({
      id: randomUUID(),
      structureId: siteLine.structureId,
      siteId: siteLine.siteId,
      lineId: siteLine.id,
      provider: 'neutral',
      providerCallId: `call-${randomUUID()}`,
      callerKind: 'patient',
      passThrough: false,
      prefersHuman: false,
      patientId: randomUUID(),
      practitionerId: null,
      startedAt: at('2027-03-01T08:00:00Z'),
      intent: null,
      urgent: false,
      decidedAt: null,
      action: null,
      ruleId: null,
      rulebookScope: null,
      rulebookVersion: null,
      practitionerStatus: null,
      interruptsConsultation: false,
      explanation: null,
      trace: null,
      step: 'awaiting_intent',
      context: {},
      queuedAt: null,
      answeredAt: null,
      outcome: null,
      messageReason: null,
      endedAt: null,
      durationSeconds: null,
      ...over,
    });

    it('opens one call per provider call id: a retried webhook gets the first one back', async () => {
      const first = call({ passThrough: true, prefersHuman: true });
      expect(await journal().open(first)).toEqual({ call: first, created: true });

      const retried = await journal().open({ ...call(), providerCallId: first.providerCallId });
      expect(retried).toEqual({ call: first, created: false });
      // The same id from another provider is another call.
      expect(
        (await journal().open({ ...call(), providerCallId: first.providerCallId, provider: 'twilio' })).created,
      ).toBe(true);
      expect(await journal().byProviderId('neutral', first.providerCallId)).toEqual(first);
    });

    it('saves every field of a call as the conversation goes on, and locks it only in a transaction', async () => {
      const opened = call({ context: { askedAgain: true } });
      await journal().open(opened);
      const decided: CallRecord = {
        ...opened,
        intent: 'book',
        decidedAt: at('2027-03-01T08:00:20Z'),
        action: { type: 'remote_queue', queue: 'secretariat-distant' },
        ruleId: 'hors-consultation',
        rulebookScope: 'site',
        rulebookVersion: 3,
        practitionerStatus: 'in_consultation',
        explanation: 'Règle 2 (Hors consultation)',
        trace: [
          {
            scope: 'site',
            version: 3,
            ruleId: 'hors-consultation',
            label: 'Hors consultation',
            matched: true,
            checks: [{ condition: 'intent', holds: true, reason: 'prise de rendez-vous' }],
          },
        ],
        step: 'ended',
        context: { offeredSlots: [], lastReply: undefined },
        queuedAt: at('2027-03-01T08:00:21Z'),
        answeredAt: at('2027-03-01T08:01:00Z'),
        outcome: 'queued',
        messageReason: null,
        endedAt: at('2027-03-01T08:04:00Z'),
        durationSeconds: 240,
      };

      await expect(journal().lockById(opened.id)).rejects.toBeInstanceOf(NoActiveTransactionError);
      await inTransaction(db, async () => {
        const locked = await journal().lockById(opened.id);
        expect(locked).toEqual(opened);
        await journal().save(decided);
      });
      expect(await journal().byId(opened.id)).toEqual({ ...decided, context: { offeredSlots: [] } });
    });

    it('lists a structure’s calls newest first, page by page, by site and by practitioner', async () => {
      const structureId = randomUUID();
      const own = await new TypeOrmLineRepository(db).create(line({ structureId }));
      const practitionerId = randomUUID();
      const calls = [0, 1, 2, 3, 4].map((i) =>
        call({
          structureId,
          siteId: own.siteId,
          lineId: own.id,
          practitionerId: i % 2 === 0 ? practitionerId : null,
          startedAt: new Date(at('2027-03-01T08:00:00Z').getTime() + minutes(i)),
        }),
      );
      for (const c of calls) await journal().open(c);
      const window = { structureId, from: at('2027-03-01T00:00:00Z'), to: at('2027-03-02T00:00:00Z') };

      const firstPage = await journal().list({ ...window, limit: 2 });
      expect(firstPage.map((c) => c.id)).toEqual([calls[4].id, calls[3].id]);
      const last = firstPage[1];
      const secondPage = await journal().list({
        ...window,
        limit: 10,
        before: { startedAt: last.startedAt, id: last.id },
      });
      expect(secondPage.map((c) => c.id)).toEqual([calls[2].id, calls[1].id, calls[0].id]);
      expect((await journal().list({ ...window, limit: 10, practitionerId })).map((c) => c.id)).toEqual([
        calls[4].id,
        calls[2].id,
        calls[0].id,
      ]);
      expect(await journal().list({ ...window, limit: 10, siteId: siteLine.siteId })).toEqual([]);
    });

    describe('statistics', () => {
      const structureId = randomUUID();
      const [gp, nurse] = [randomUUID(), randomUUID()];
      let siteId: string;
      // Monday 1 and Tuesday 2 March 2027; Paris is UTC+1 (summer time starts on the 28th).
      const paris = { from: at('2027-02-28T23:00:00Z'), to: at('2027-03-02T23:00:00Z') };

      beforeAll(async () => {
        const lines = new TypeOrmLineRepository(db);
        const own = await lines.create(line({ structureId }));
        const otherSite = await lines.create(line({ structureId }));
        const otherStructure = await lines.create(line());
        siteId = own.siteId;
        const on = { structureId, siteId: own.siteId, lineId: own.id };
        const decided = (iso: string) => ({ startedAt: at(iso), decidedAt: at(iso) });
        const hand: Array<Partial<CallRecord>> = [
          // Monday 08:30 Paris: booked on the phone while the GP consulted.
          {
            ...on,
            ...decided('2027-03-01T07:30:00Z'),
            practitionerId: gp,
            practitionerStatus: 'in_consultation',
            outcome: 'self_service_done',
          },
          // Monday 08:45: put through to the GP in consultation (the practice's rule): one interruption.
          {
            ...on,
            ...decided('2027-03-01T07:45:00Z'),
            practitionerId: gp,
            practitionerStatus: 'in_consultation',
            interruptsConsultation: true,
            outcome: 'transferred',
          },
          // Monday 09:10: a message while the GP consulted.
          {
            ...on,
            ...decided('2027-03-01T08:10:00Z'),
            practitionerId: gp,
            practitionerStatus: 'in_consultation',
            outcome: 'message_taken',
          },
          // Tuesday 00:30 in Paris, still Monday in UTC: opening hours given.
          {
            ...on,
            ...decided('2027-03-01T23:30:00Z'),
            practitionerId: nurse,
            practitionerStatus: 'free',
            outcome: 'information_given',
          },
          // Tuesday 10:00 and 10:05: the remote queue, answered after 60 s and 30 s.
          {
            ...on,
            ...decided('2027-03-02T09:00:00Z'),
            practitionerId: nurse,
            practitionerStatus: 'free',
            outcome: 'queued',
            queuedAt: at('2027-03-02T09:00:10Z'),
            answeredAt: at('2027-03-02T09:01:10Z'),
          },
          {
            ...on,
            ...decided('2027-03-02T09:05:00Z'),
            practitionerId: nurse,
            practitionerStatus: 'free',
            outcome: 'queued',
            queuedAt: at('2027-03-02T09:05:00Z'),
            answeredAt: at('2027-03-02T09:05:30Z'),
          },
          // Tuesday 11:00: an emergency while the nurse consulted.
          {
            ...on,
            ...decided('2027-03-02T10:00:00Z'),
            practitionerId: nurse,
            practitionerStatus: 'in_consultation',
            outcome: 'redirected_to_15',
          },
          // Tuesday 11:30: hung up before anything was decided; queued but never answered.
          {
            ...on,
            startedAt: at('2027-03-02T10:30:00Z'),
            practitionerId: nurse,
            practitionerStatus: 'in_consultation',
            queuedAt: at('2027-03-02T10:30:05Z'),
            outcome: 'abandoned',
          },
          // Not counted: another site, another structure, after the period.
          {
            structureId,
            siteId: otherSite.siteId,
            lineId: otherSite.id,
            ...decided('2027-03-01T09:00:00Z'),
            outcome: 'information_given',
          },
          {
            structureId: otherStructure.structureId,
            siteId: otherStructure.siteId,
            lineId: otherStructure.id,
            ...decided('2027-03-01T09:00:00Z'),
            outcome: 'information_given',
          },
          { ...on, ...decided('2027-03-03T08:00:00Z'), outcome: 'information_given' },
        ];
        for (const c of hand) await journal().open(call(c));
      });

      it('counts every figure of a site over the period', async () => {
        const stats = await journal().statistics({ structureId, siteId, ...paris, timeZone: 'Europe/Paris' });
        expect(stats).toMatchObject({
          calls: 8,
          handledWithoutHuman: 3,
          messagesTaken: 1,
          transferredToHuman: 3,
          redirectedTo15: 1,
          duringConsultation: 4,
          consultationsInterrupted: 1,
          interruptionsAvoided: 3,
          queueWait: { answered: 2, averageSeconds: 45, maxSeconds: 60 },
        });
      });

      it('counts days and hours on the wall clock of the zone asked', async () => {
        const inParis = await journal().statistics({ structureId, siteId, ...paris, timeZone: 'Europe/Paris' });
        expect(inParis.perDay).toEqual([
          { day: '2027-03-01', calls: 3, handledWithoutHuman: 1 },
          { day: '2027-03-02', calls: 5, handledWithoutHuman: 2 },
        ]);
        expect(inParis.perHour).toEqual([
          { weekday: 1, hour: 8, calls: 2 },
          { weekday: 1, hour: 9, calls: 1 },
          { weekday: 2, hour: 0, calls: 1 },
          { weekday: 2, hour: 10, calls: 2 },
          { weekday: 2, hour: 11, calls: 2 },
        ]);

        const inUtc = await journal().statistics({ structureId, siteId, ...paris, timeZone: 'UTC' });
        expect(inUtc.perDay).toEqual([
          { day: '2027-03-01', calls: 4, handledWithoutHuman: 2 },
          { day: '2027-03-02', calls: 4, handledWithoutHuman: 1 },
        ]);
        expect(inUtc.perHour).toEqual([
          { weekday: 1, hour: 7, calls: 2 },
          { weekday: 1, hour: 8, calls: 1 },
          { weekday: 1, hour: 23, calls: 1 },
          { weekday: 2, hour: 9, calls: 2 },
          { weekday: 2, hour: 10, calls: 2 },
        ]);
      });

      it("narrows to one practitioner's calls and answers zeros for a quiet period", async () => {
        const gpOnly = await journal().statistics({
          structureId,
          practitionerId: gp,
          ...paris,
          timeZone: 'Europe/Paris',
        });
        expect(gpOnly).toMatchObject({
          calls: 3,
          duringConsultation: 3,
          consultationsInterrupted: 1,
          interruptionsAvoided: 2,
        });

        const quiet = await journal().statistics({
          structureId,
          from: at('2026-01-01T00:00:00Z'),
          to: at('2026-01-02T00:00:00Z'),
          timeZone: 'Europe/Paris',
        });
        expect(quiet).toEqual({
          calls: 0,
          handledWithoutHuman: 0,
          messagesTaken: 0,
          transferredToHuman: 0,
          redirectedTo15: 0,
          duringConsultation: 0,
          consultationsInterrupted: 0,
          interruptionsAvoided: 0,
          queueWait: { answered: 0, averageSeconds: null, maxSeconds: null },
          perDay: [],
          perHour: [],
        });
      });
    });
  });

  describe('replay guard', () => {
    it('accepts a signature once until it expires', async () => {
      const guard = new PostgresReplayGuard(db);
      const signature = `sig-${randomUUID()}`;
      const expiresAt = at('2027-03-01T08:05:00Z');

      expect(await guard.remember(signature, expiresAt)).toBe(true);
      expect(await guard.remember(signature, expiresAt)).toBe(false);
      expect(await guard.forgetExpired(at('2027-03-01T08:04:59Z'))).toBe(0);
      expect(await guard.remember(signature, expiresAt)).toBe(false);
      expect(await guard.forgetExpired(at('2027-03-01T08:05:00Z'))).toBe(1);
      expect(await guard.remember(signature, expiresAt)).toBe(true);
    });
  });
});
