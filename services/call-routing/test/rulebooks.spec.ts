import { randomUUID } from 'node:crypto';
import type { Role, UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import { TestEventPublisher } from '@msp/testing';
import type { Rule } from '../src/domain/rulebook/rulebook';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';
import { openPractice, type Practice } from './fixtures/practice';

const PUBLISH = `mutation($input: PublishRulebookInput!) {
  publishRulebook(input: $input) {
    version authorId publishedAt document
    changes { kind ruleId summary }
    warnings { ruleId path reason }
  }
}`;
const CURRENT = `query($input: RulebookScopeInput!) {
  rulebook(input: $input) { scopeKind scopeId version isDefault document authorId publishedAt warnings { ruleId path reason } }
}`;
const HISTORY = `query($input: RulebookScopeInput!) {
  rulebookHistory(input: $input) { version authorId publishedAt changes { kind ruleId summary } }
}`;
const DIFF = `query($input: RulebookScopeInput!, $from: Int!, $to: Int!) {
  rulebookDiff(input: $input, from: $from, to: $to) { kind ruleId summary }
}`;

const URGENCES: Rule = {
  id: 'urgences',
  label: 'Urgences vers le 15',
  when: { urgent: true },
  then: { type: 'redirect_15' },
};
const RENDEZ_VOUS: Rule = {
  id: 'rendez-vous',
  label: 'Rendez-vous en libre-service',
  when: { intents: ['book'] },
  then: { type: 'self_service' },
};
const MESSAGE: Rule = { id: 'message', label: 'Tout autre appel : message', when: {}, then: { type: 'take_message' } };

const V1: Rule[] = [URGENCES, RENDEZ_VOUS, MESSAGE];
const V2: Rule[] = [
  URGENCES,
  {
    id: 'renseignements',
    label: 'Horaires et adresse',
    when: { intents: ['information'] },
    then: { type: 'give_information' },
  },
  { ...RENDEZ_VOUS, when: { intents: ['book', 'move', 'cancel'] } },
  { id: 'secretariat', label: 'Tout autre appel : secrétariat', when: {}, then: { type: 'transfer_secretary' } },
];

const PUBLISHED_V1 = new Date('2027-02-01T09:15:00Z');
const PUBLISHED_V2 = new Date('2027-02-03T16:40:00Z');

interface VersionView {
  version: number;
  authorId: string;
  publishedAt: string;
  document: string;
  changes: Array<{ kind: string; ruleId: string; summary: string }>;
  warnings: Array<{ ruleId: string | null; path: string; reason: string }>;
}

describe('rulebooks: versions, history, diff and refusals', () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  let other: Practice;
  let coordinator: UserContext;
  let secretary: UserContext;
  const now = jest.fn<Date, []>();

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('rulebooks');
    events = await TestEventPublisher.start('call-routing-spec-rulebooks');
    [practice, other] = await Promise.all([openPractice(app, events), openPractice(app, events)]);
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now()));
    now.mockReturnValue(PUBLISHED_V1);
    const membership = (roles: Role[]) => [{ structureId: practice.structureId, roles, siteIds: [practice.siteId] }];
    coordinator = { memberId: randomUUID(), memberships: membership(['coordinator']) };
    secretary = { memberId: randomUUID(), memberships: membership(['secretary']) };
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  const site = (p: Practice = practice) => ({ structureId: p.structureId, siteId: p.siteId });
  const doc = (rules: unknown[]) => JSON.stringify({ rules });

  async function publish(user: UserContext, input: Record<string, unknown>): Promise<VersionView> {
    return (await app.ok<{ publishRulebook: VersionView }>(PUBLISH, { input }, user)).publishRulebook;
  }

  async function refusal(query: string, variables: Record<string, unknown>, user: UserContext) {
    const result = await app.gql(query, variables, user);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    return result.errors![0];
  }

  async function versionsStored(): Promise<number> {
    const [row] = await app.sql<{ n: number }>(`select count(*)::int as n from rulebook_version`);
    return row.n;
  }

  describe('publishing a site rulebook twice', () => {
    let v1: VersionView;
    let v2: VersionView;

    beforeAll(async () => {
      now.mockReturnValue(PUBLISHED_V1);
      v1 = await publish(practice.admin, { ...site(), document: doc(V1) });
      now.mockReturnValue(PUBLISHED_V2);
      v2 = await publish(coordinator, { ...site(), document: doc(V2), basedOnVersion: 1 });
    });

    it('numbers the versions 1 and 2 and keeps each document as published', () => {
      expect([v1.version, v2.version]).toEqual([1, 2]);
      expect(JSON.parse(v1.document)).toEqual({ rules: V1 });
      expect(JSON.parse(v2.document)).toEqual({ rules: V2 });
    });

    it('lists the history newest first, with who published each version, when, and what changed in French', async () => {
      const { rulebookHistory } = await app.ok<{ rulebookHistory: VersionView[] }>(
        HISTORY,
        { input: site() },
        practice.admin,
      );
      expect(rulebookHistory).toEqual([
        {
          version: 2,
          authorId: coordinator.memberId,
          publishedAt: PUBLISHED_V2.toISOString(),
          changes: [
            {
              kind: 'removed',
              ruleId: 'message',
              summary: 'règle message supprimée (était 3, « Tout autre appel : message »)',
            },
            {
              kind: 'added',
              ruleId: 'renseignements',
              summary: 'règle renseignements ajoutée en 2 (« Horaires et adresse »)',
            },
            { kind: 'changed', ruleId: 'rendez-vous', summary: 'règle rendez-vous modifiée : motifs' },
            {
              kind: 'added',
              ruleId: 'secretariat',
              summary: 'règle secretariat ajoutée en 4 (« Tout autre appel : secrétariat »)',
            },
          ],
        },
        {
          version: 1,
          authorId: practice.admin.memberId,
          publishedAt: PUBLISHED_V1.toISOString(),
          changes: V1.map((rule, index) => ({
            kind: 'added',
            ruleId: rule.id,
            summary: `règle ${rule.id} ajoutée en ${index + 1} (« ${rule.label} »)`,
          })),
        },
      ]);
    });

    it('diffs version 1 to 2 as the history recorded it, and from nothing (0) to 2 as every rule added', async () => {
      const diff = async (from: number, to: number) =>
        (await app.ok<{ rulebookDiff: VersionView['changes'] }>(DIFF, { input: site(), from, to }, practice.admin))
          .rulebookDiff;
      expect(await diff(1, 2)).toEqual(v2.changes);
      expect(await diff(0, 2)).toEqual(
        V2.map((rule, index) => ({
          kind: 'added',
          ruleId: rule.id,
          summary: `règle ${rule.id} ajoutée en ${index + 1} (« ${rule.label} »)`,
        })),
      );
      expect((await refusal(DIFF, { input: site(), from: 1, to: 3 }, practice.admin)).extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'to',
      });
    });

    it('answers the current rulebook as version 2, by its author, no longer the default', async () => {
      const { rulebook } = await app.ok<{ rulebook: Record<string, unknown> }>(CURRENT, { input: site() }, secretary);
      expect(rulebook).toMatchObject({
        scopeKind: 'site',
        scopeId: practice.siteId,
        version: 2,
        isDefault: false,
        authorId: coordinator.memberId,
        publishedAt: PUBLISHED_V2.toISOString(),
      });
      expect(JSON.parse(rulebook.document as string)).toEqual({ rules: V2 });
    });

    it('refuses a publication based on a version that is no longer the latest, naming basedOnVersion', async () => {
      const before = await versionsStored();
      const error = await refusal(
        PUBLISH,
        { input: { ...site(), document: doc(V1), basedOnVersion: 1 } },
        practice.admin,
      );
      expect(error.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'CALL_ROUTING.STALE_RULEBOOK',
        field: 'input.basedOnVersion',
      });
      expect(error.message).toContain('Version 2 was published since version 1');
      expect(await versionsStored()).toBe(before);
    });
  });

  it('gives a site that never published the default rulebook, marked as such, emergencies first', async () => {
    const { rulebook } = await app.ok<{ rulebook: Record<string, unknown> }>(
      CURRENT,
      { input: site(other) },
      other.admin,
    );
    expect(rulebook).toMatchObject({ scopeKind: 'site', version: null, isDefault: true, authorId: null });
    const [first, ...rest] = (JSON.parse(rulebook.document as string) as { rules: Rule[] }).rules;
    expect(first).toMatchObject({ when: { urgent: true }, then: { type: 'redirect_15' } });
    expect(rest.length).toBeGreaterThan(0);
  });

  describe('a bad rulebook is refused with the field at fault, and nothing is written', () => {
    const WINDOW_RULE = (window: Record<string, unknown>): Rule =>
      ({ id: 'matin', label: 'Le matin', when: { window }, then: { type: 'take_message' } }) as Rule;

    it.each([
      {
        name: 'an unknown action',
        document: doc([URGENCES, { ...RENDEZ_VOUS, then: { type: 'call_the_mayor' } }, MESSAGE]),
        field: 'input.document.rules[1].then.type',
        says: 'action inconnue "call_the_mayor"',
      },
      {
        name: 'no emergency handling',
        document: doc([RENDEZ_VOUS, MESSAGE]),
        field: 'input.document.rules',
        says: 'aucune règle ne traite les urgences',
      },
      {
        name: 'an emergency rule that does not send to the 15',
        document: doc([{ ...URGENCES, then: { type: 'take_message' } }, MESSAGE]),
        field: 'input.document.rules',
        says: 'aucune règle ne traite les urgences',
      },
      {
        name: 'a window ending before it starts',
        document: doc([URGENCES, WINDOW_RULE({ from: '18:00', to: '09:00' }), MESSAGE]),
        field: 'input.document.rules[1].when.window.to',
        says: 'doit être après le début 18:00',
      },
      {
        name: 'a window starting at 25:00',
        document: doc([URGENCES, WINDOW_RULE({ from: '25:00', to: '26:00' }), MESSAGE]),
        field: 'input.document.rules[1].when.window.from',
        says: 'heure HH:mm de 00:00 à 23:59 attendue (reçu "25:00")',
      },
      {
        name: 'an unknown weekday',
        document: doc([URGENCES, WINDOW_RULE({ days: ['mon', 'lundi'] }), MESSAGE]),
        field: 'input.document.rules[1].when.window.days[1]',
        says: 'valeur inconnue "lundi"',
      },
    ])('$name', async ({ document, field, says }) => {
      const before = await versionsStored();
      const error = await refusal(PUBLISH, { input: { ...site(other), document } }, other.admin);
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'CALL_ROUTING.INVALID_RULEBOOK',
        field,
      });
      expect(error.message).toContain(`${field}: ${says}`);
      expect(await versionsStored()).toBe(before);
    });

    it('JSON that does not parse', async () => {
      const before = await versionsStored();
      const error = await refusal(
        PUBLISH,
        { input: { ...site(other), document: '{"rules": [{"id": "urgences",' } },
        other.admin,
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.document' });
      expect(error.message).toContain('is not JSON');
      expect(await versionsStored()).toBe(before);
    });

    it('reports every problem at once, the field naming the first', async () => {
      const error = await refusal(
        PUBLISH,
        {
          input: {
            ...site(other),
            document: doc([WINDOW_RULE({ from: '25:00' }), { ...MESSAGE, then: { type: 'nope' } }]),
          },
        },
        other.admin,
      );
      expect(error.extensions?.field).toBe('input.document.rules[0].when.window.from');
      expect(error.message).toContain('input.document.rules[1].then.type');
      expect(error.message).toContain('input.document.rules: aucune règle ne traite les urgences');
    });
  });

  it('publishes a rulebook with a shadowed rule, keeping the warning with the version', async () => {
    const practitionerId = practice.practitioners[2];
    const shadowed: Rule = {
      id: 'annulation',
      label: 'Annulation : message',
      when: { intents: ['cancel'] },
      then: { type: 'take_message' },
    };
    const published = await publish(practice.practitioner(practitionerId), {
      structureId: practice.structureId,
      practitionerId,
      document: doc([URGENCES, { ...RENDEZ_VOUS, when: { intents: ['book', 'cancel'] } }, shadowed]),
    });
    const warning = {
      ruleId: 'annulation',
      path: 'rules[2]',
      reason: expect.stringContaining('règle masquée') as string,
    };
    expect(published.warnings).toEqual([warning]);
    expect(published.warnings[0].reason).toContain('la règle 2 « Rendez-vous en libre-service »');
    const { rulebook } = await app.ok<{ rulebook: { version: number; warnings: unknown[] } }>(
      CURRENT,
      { input: { structureId: practice.structureId, practitionerId } },
      practice.admin,
    );
    expect(rulebook).toMatchObject({ version: 1, warnings: [warning] });
  });

  describe('who may publish', () => {
    it('refuses a secretary publishing the site rulebook (FORBIDDEN), writing nothing', async () => {
      const before = await versionsStored();
      const error = await refusal(PUBLISH, { input: { ...site(), document: doc(V1) } }, secretary);
      expect(error.extensions?.code).toBe('FORBIDDEN');
      expect(await versionsStored()).toBe(before);
    });

    it("lets a practitioner publish their own rulebook but not a colleague's", async () => {
      const [me, colleague] = practice.practitioners;
      const own = await publish(practice.practitioner(me), {
        structureId: practice.structureId,
        practitionerId: me,
        document: doc(V1),
      });
      expect(own).toMatchObject({ version: 1, authorId: me });

      const before = await versionsStored();
      const error = await refusal(
        PUBLISH,
        { input: { structureId: practice.structureId, practitionerId: colleague, document: doc(V1) } },
        practice.practitioner(me),
      );
      expect(error.extensions?.code).toBe('FORBIDDEN');
      const siteError = await refusal(PUBLISH, { input: { ...site(), document: doc(V1) } }, practice.practitioner(me));
      expect(siteError.extensions?.code).toBe('FORBIDDEN');
      expect(await versionsStored()).toBe(before);
    });

    it("lets an administrator publish a practitioner's rulebook", async () => {
      const colleague = practice.practitioners[1];
      const published = await publish(practice.admin, {
        structureId: practice.structureId,
        practitionerId: colleague,
        document: doc(V1),
      });
      expect(published).toMatchObject({ version: 1, authorId: practice.admin.memberId });
    });
  });

  describe('a member of another structure gets NOT_FOUND, exactly as for an id that does not exist', () => {
    const operations: Array<[string, string, Record<string, unknown>]> = [
      ['rulebook', CURRENT, {}],
      ['rulebookHistory', HISTORY, {}],
      ['rulebookDiff', DIFF, { from: 0, to: 1 }],
      ['publishRulebook', PUBLISH, {}],
    ];
    const inputFor = (query: string, scope: Record<string, unknown>) =>
      query === PUBLISH ? { ...scope, document: doc(V1) } : scope;

    it.each(operations)('%s', async (_name, query, extra) => {
      const stranger = other.admin;
      const before = await versionsStored();
      const cases: Array<{ theirs: Record<string, unknown>; missing: Record<string, unknown>; field: string }> = [
        // Our structure named outright.
        {
          theirs: site(),
          missing: { structureId: randomUUID(), siteId: practice.siteId },
          field: 'input.structureId',
        },
        // Their own structure, with our site or our practitioner.
        {
          theirs: { structureId: other.structureId, siteId: practice.siteId },
          missing: { structureId: other.structureId, siteId: randomUUID() },
          field: 'input.siteId',
        },
        {
          theirs: { structureId: other.structureId, practitionerId: practice.practitioners[0] },
          missing: { structureId: other.structureId, practitionerId: randomUUID() },
          field: 'input.practitionerId',
        },
      ];
      for (const { theirs, missing, field } of cases) {
        const seen = await refusal(query, { input: inputFor(query, theirs), ...extra }, stranger);
        const absent = await refusal(query, { input: inputFor(query, missing), ...extra }, stranger);
        expect(seen.extensions).toMatchObject({ code: 'NOT_FOUND', field });
        expect({ message: seen.message, extensions: seen.extensions }).toEqual({
          message: absent.message,
          extensions: absent.extensions,
        });
      }
      expect(await versionsStored()).toBe(before);
    });
  });
});
