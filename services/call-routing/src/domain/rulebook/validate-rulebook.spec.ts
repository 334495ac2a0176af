import { CallRoutingError, CallRoutingErrorCode } from '../call-routing-error';
import type { Rule } from './rulebook';
import { assertValidRulebook, type RulebookProblem, validateRulebook } from './validate-rulebook';

const EMERGENCIES: Rule = {
  id: 'urgences',
  label: 'Urgences vers le 15',
  when: { urgent: true },
  then: { type: 'redirect_15' },
};
const MESSAGE: Rule = { id: 'message', label: 'Prendre un message', when: {}, then: { type: 'take_message' } };
const BOOKING: Rule = {
  id: 'rendez-vous',
  label: 'Rendez-vous en libre-service',
  when: { intents: ['book', 'move', 'cancel'] },
  then: { type: 'self_service' },
};
const COLLEAGUE = '6f1c2a52-8a47-4d59-9b8e-0c6d2f4b7a11';

function problemsOf(doc: unknown): RulebookProblem[] {
  const result = validateRulebook(doc);
  if (!('problems' in result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result.problems;
}

function warningsOf(rules: unknown[], known = {}) {
  const result = validateRulebook({ rules }, known);
  if ('problems' in result) throw new Error(`expected a valid rulebook, got ${JSON.stringify(result.problems)}`);
  return result.warnings;
}

describe('validateRulebook', () => {
  it('accepts a rulebook with an unconditional emergency rule and gives it back without warnings', () => {
    const doc = { rules: [EMERGENCIES, BOOKING, MESSAGE] };

    expect(validateRulebook(doc)).toEqual({ rulebook: doc, warnings: [] });
  });

  describe('refusals', () => {
    it('names an unknown action at its path and lists the actions there are', () => {
      const problems = problemsOf({ rules: [EMERGENCIES, { ...MESSAGE, then: { type: 'call_mum' } }] });

      expect(problems).toHaveLength(1);
      expect(problems[0].path).toBe('rules[1].then.type');
      expect(problems[0].reason).toMatch(
        /^action inconnue "call_mum" : attendu transfer_practitioner, transfer_secretary/,
      );
      expect(problems[0].reason).toContain('forward_on_duty');
    });

    it('refuses a field an action does not have, naming the fields it has', () => {
      const problems = problemsOf({
        rules: [EMERGENCIES, { ...MESSAGE, then: { type: 'remote_queue', topics: ['hours'] } }],
      });

      expect(problems).toEqual([{ path: 'rules[1].then.topics', reason: 'champ inconnu : attendu type, queue' }]);
    });

    it('refuses an additional property anywhere, at its own path', () => {
      const problems = problemsOf({ rules: [{ ...EMERGENCIES, when: { urgent: true, colour: 'red' } }], author: 'x' });

      expect(problems.map((problem) => problem.path)).toEqual(['author', 'rules[0].when.colour']);
    });

    it('refuses a rulebook where no rule sends every urgent call to the 15', () => {
      const problems = problemsOf({ rules: [BOOKING, MESSAGE] });

      expect(problems).toEqual([
        { path: 'rules', reason: expect.stringContaining('aucune règle ne traite les urgences') },
      ]);
    });

    it.each([
      ['limited to a window', { urgent: true, window: { days: ['mon'] } }, 'redirect_15'],
      ['limited to patients', { intents: ['emergency'], callerKinds: ['patient'] }, 'redirect_15'],
      ['limited by status', { urgent: true, practitionerStatus: ['free'] }, 'redirect_15'],
      ['limited to pass-through callers', { urgent: true, passThrough: true }, 'redirect_15'],
      ['sent elsewhere than the 15', { urgent: true }, 'transfer_secretary'],
      ['for non-urgent calls', { urgent: false }, 'redirect_15'],
    ])('does not count an emergency rule %s as emergency handling', (_, when, type) => {
      const problems = problemsOf({ rules: [{ id: 'urgences', label: 'Urgences', when, then: { type } }, MESSAGE] });

      expect(problems.map((problem) => problem.path)).toEqual(['rules']);
    });

    it('accepts emergency handling by the emergency intent as well as by urgency', () => {
      const doc = { rules: [{ ...EMERGENCIES, when: { intents: ['emergency'] } }, MESSAGE] };

      expect(validateRulebook(doc)).toEqual({ rulebook: doc, warnings: [] });
    });

    it('refuses a malformed window at the path of the bad bound', () => {
      const problems = problemsOf({
        rules: [EMERGENCIES, { ...BOOKING, when: { window: { days: ['mon'], from: '8h', to: '12:00' } } }, MESSAGE],
      });

      expect(problems).toEqual([{ path: 'rules[1].when.window.from', reason: expect.stringContaining('HH:mm') }]);
    });

    it('refuses a window that ends before it starts', () => {
      const problems = problemsOf({
        rules: [EMERGENCIES, { ...BOOKING, when: { window: { from: '14:00', to: '08:00' } } }],
      });

      expect(problems).toEqual([{ path: 'rules[1].when.window.to', reason: expect.stringContaining('14:00') }]);
    });

    it('refuses a rule id used twice, at the second one', () => {
      const problems = problemsOf({ rules: [EMERGENCIES, MESSAGE, { ...BOOKING, id: 'message' }] });

      expect(problems).toEqual([{ path: 'rules[2].id', reason: expect.stringContaining('déjà pris par la règle 2') }]);
    });

    it('translates every schema violation with its path, in document order', () => {
      const problems = problemsOf({
        rules: [
          EMERGENCIES,
          { id: 'Rendez Vous', label: '', when: { intents: ['book', 'party'] }, then: { type: 'self_service' } },
          {
            id: 'infos',
            label: 'Infos',
            when: { callerKinds: [] },
            then: { type: 'give_information', topics: ['hours', 'hours'] },
          },
          { id: 'garde', label: 'Garde', when: {}, then: { type: 'forward_on_duty', colleagues: ['dr-house'] } },
          { label: 'Sans id', when: { urgent: 'yes' }, then: {} },
        ],
      });

      expect(problems).toEqual([
        { path: 'rules[1].id', reason: expect.stringContaining('identifiant invalide "Rendez Vous"') },
        { path: 'rules[1].label', reason: 'ne doit pas être vide' },
        {
          path: 'rules[1].when.intents[1]',
          reason: expect.stringContaining('valeur inconnue "party" : attendu book, move'),
        },
        { path: 'rules[2].when.callerKinds', reason: expect.stringContaining('liste vide') },
        { path: 'rules[2].then.topics[1]', reason: 'valeur en double dans la liste' },
        { path: 'rules[3].then.colleagues[0]', reason: expect.stringContaining('UUID attendu') },
        { path: 'rules[4].id', reason: 'champ obligatoire manquant' },
        { path: 'rules[4].when.urgent', reason: 'doit être vrai ou faux' },
        { path: 'rules[4].then.type', reason: 'champ obligatoire manquant' },
      ]);
    });

    it('refuses more than 100 rules and a label longer than 120 characters', () => {
      const many = Array.from({ length: 101 }, (_, i) => ({ ...MESSAGE, id: `r${i}` }));
      expect(problemsOf({ rules: [EMERGENCIES, ...many] })[0]).toEqual({
        path: 'rules',
        reason: '100 règles au plus (102 reçues)',
      });
      expect(problemsOf({ rules: [{ ...EMERGENCIES, label: 'x'.repeat(121) }, MESSAGE] })).toEqual([
        { path: 'rules[0].label', reason: '120 caractères au plus (121 reçus)' },
      ]);
    });

    it('reads malformed rules without tripping, reporting each at its path', () => {
      const problems = problemsOf({
        rules: [EMERGENCIES, null, { id: 'x', label: 'X', when: 'toujours', then: null }],
      });

      expect(problems).toEqual([
        { path: 'rules[1]', reason: 'doit être un objet' },
        { path: 'rules[2].when', reason: 'doit être un objet' },
        { path: 'rules[2].then', reason: 'doit être un objet' },
      ]);
    });

    it('refuses what is not a rulebook at all', () => {
      expect(problemsOf(null)[0]).toEqual({ path: '', reason: 'doit être un objet' });
      expect(problemsOf({})[0]).toEqual({ path: 'rules', reason: 'champ obligatoire manquant' });
    });
  });

  describe('warnings', () => {
    it('warns about a rule an earlier, broader rule always takes first', () => {
      const warnings = warningsOf([
        EMERGENCIES,
        BOOKING,
        {
          id: 'annulation',
          label: 'Annulation',
          when: { intents: ['cancel'], callerKinds: ['patient'] },
          then: { type: 'take_message' },
        },
        MESSAGE,
      ]);

      expect(warnings).toEqual([
        {
          ruleId: 'annulation',
          path: 'rules[2]',
          reason: expect.stringContaining(
            'la règle 2 « Rendez-vous en libre-service » prend avant elle tous ses appels',
          ),
        },
      ]);
    });

    it('does not call a rule shadowed when the earlier rule is limited on a dimension it is not', () => {
      const warnings = warningsOf([
        EMERGENCIES,
        { ...BOOKING, when: { intents: ['book'], window: { days: ['mon'] } } },
        { ...BOOKING, id: 'rendez-vous-tous-jours', when: { intents: ['book'] } },
        { ...BOOKING, id: 'rendez-vous-libre', when: { intents: ['book'], practitionerStatus: ['free'] } },
        { id: 'garde', label: 'Garde', when: {}, then: { type: 'forward_on_duty' } },
        MESSAGE,
      ]);

      expect(warnings.map((warning) => warning.ruleId)).toEqual(['rendez-vous-libre']);
    });

    it('warns about rules after a catch-all, except the ones urgent calls still reach', () => {
      const warnings = warningsOf([MESSAGE, BOOKING, { ...EMERGENCIES, id: 'urgences' }]);

      expect(warnings).toEqual([
        {
          ruleId: 'rendez-vous',
          path: 'rules[1]',
          reason: expect.stringMatching(/^règle inaccessible : la règle 1 « Prendre un message »/),
        },
      ]);
    });

    it.each([
      ['passThrough', { callerKinds: ['professional'], passThrough: true }],
      ['prefersHuman', { callerKinds: ['unknown', 'professional'], prefersHuman: true }],
      ['intents', { urgent: true, intents: ['advice'] }],
      ['urgent', { urgent: false, intents: ['emergency'] }],
    ])('warns about contradictory conditions (%s)', (condition, when) => {
      const warnings = warningsOf([
        EMERGENCIES,
        { id: 'bizarre', label: 'Bizarre', when, then: { type: 'take_message' } },
        MESSAGE,
      ]);

      expect(warnings).toEqual([
        {
          ruleId: 'bizarre',
          path: `rules[1].when.${condition}`,
          reason: expect.stringContaining('conditions contradictoires'),
        },
      ]);
    });

    it('warns about colleagues on duty the site does not know, when told who it knows', () => {
      const stranger = '0b8d7f0e-3c1a-4f6e-a2b4-9d5c7e1f3a22';
      const rules = [
        EMERGENCIES,
        {
          id: 'garde',
          label: 'Garde',
          when: { practitionerStatus: ['absent'] },
          then: { type: 'forward_on_duty', colleagues: [COLLEAGUE, stranger] },
        },
        MESSAGE,
      ];

      expect(warningsOf(rules)).toEqual([]);
      expect(warningsOf(rules, { practitionerIds: [COLLEAGUE] })).toEqual([
        { ruleId: 'garde', path: 'rules[1].then.colleagues[1]', reason: expect.stringContaining(stranger) },
      ]);
    });
  });
});

describe('assertValidRulebook', () => {
  it('refuses with the first problem as field and every problem in the message', () => {
    const doc = {
      rules: [
        { ...BOOKING, then: { type: 'teleport' } },
        { ...MESSAGE, when: { window: { to: '25:00' } } },
      ],
    };

    const refusal = (() => {
      try {
        assertValidRulebook(doc, {}, 'input.');
      } catch (error) {
        return error;
      }
      throw new Error('expected a refusal');
    })();

    expect(refusal).toBeInstanceOf(CallRoutingError);
    expect(refusal).toMatchObject({ code: CallRoutingErrorCode.InvalidRulebook, field: 'input.rules[0].then.type' });
    const message = (refusal as CallRoutingError).message;
    expect(message).toContain('input.rules[0].then.type: action inconnue "teleport"');
    expect(message).toContain('input.rules[1].when.window.to: heure HH:mm');
    expect(message).toContain('input.rules: aucune règle ne traite les urgences');
  });

  it('gives back the rulebook and its warnings when it can be published', () => {
    const doc = { rules: [EMERGENCIES, MESSAGE, BOOKING] };

    const { rulebook, warnings } = assertValidRulebook(doc);

    expect(rulebook).toBe(doc);
    expect(warnings.map((warning) => warning.ruleId)).toEqual(['rendez-vous']);
  });
});
