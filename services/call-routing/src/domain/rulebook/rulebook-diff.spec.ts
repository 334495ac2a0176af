import type { Rule } from './rulebook';
import { diffRulebooks } from './rulebook-diff';

const EMERGENCIES: Rule = {
  id: 'urgences',
  label: 'Urgences vers le 15',
  when: { urgent: true },
  then: { type: 'redirect_15' },
};
const BOOKING: Rule = {
  id: 'rendez-vous',
  label: 'Rendez-vous en libre-service',
  when: { intents: ['book'], window: { days: ['mon', 'tue'], from: '08:00', to: '12:00' } },
  then: { type: 'self_service' },
};
const INFO: Rule = {
  id: 'infos',
  label: 'Renseignements',
  when: { intents: ['information'] },
  then: { type: 'give_information' },
};
const MESSAGE: Rule = { id: 'message', label: 'Prendre un message', when: {}, then: { type: 'take_message' } };

describe('diffRulebooks', () => {
  it('reports every rule as added for a first version', () => {
    expect(diffRulebooks(null, { rules: [EMERGENCIES, MESSAGE] })).toEqual([
      {
        kind: 'added',
        ruleId: 'urgences',
        position: 1,
        summary: 'règle urgences ajoutée en 1 (« Urgences vers le 15 »)',
      },
      { kind: 'added', ruleId: 'message', position: 2, summary: 'règle message ajoutée en 2 (« Prendre un message »)' },
    ]);
  });

  it('reports nothing between identical rulebooks, whatever the key order', () => {
    const reordered: Rule = {
      then: { ...BOOKING.then },
      when: { window: { ...BOOKING.when.window }, intents: ['book'] },
      label: BOOKING.label,
      id: BOOKING.id,
    };

    expect(diffRulebooks({ rules: [EMERGENCIES, BOOKING] }, { rules: [EMERGENCIES, reordered] })).toEqual([]);
  });

  it('reports the rule moved, not the ones its move shifted', () => {
    const changes = diffRulebooks(
      { rules: [BOOKING, INFO, EMERGENCIES, MESSAGE] },
      { rules: [EMERGENCIES, BOOKING, INFO, MESSAGE] },
    );

    expect(changes).toEqual([
      { kind: 'moved', ruleId: 'urgences', from: 3, to: 1, summary: 'règle urgences déplacée de 3 à 1' },
    ]);
  });

  it('does not call rules moved when one is inserted or removed before them', () => {
    const changes = diffRulebooks({ rules: [EMERGENCIES, INFO, MESSAGE] }, { rules: [EMERGENCIES, BOOKING, MESSAGE] });

    expect(changes).toEqual([
      { kind: 'removed', ruleId: 'infos', position: 2, summary: 'règle infos supprimée (était 2, « Renseignements »)' },
      {
        kind: 'added',
        ruleId: 'rendez-vous',
        position: 2,
        summary: 'règle rendez-vous ajoutée en 2 (« Rendez-vous en libre-service »)',
      },
    ]);
  });

  it('names the fields a rule changed: label, each condition, action', () => {
    const edited: Rule = {
      ...BOOKING,
      label: 'Rendez-vous (matin)',
      when: { intents: ['book', 'move'], window: { ...BOOKING.when.window, to: '13:00' }, callerKinds: ['patient'] },
      then: { type: 'take_message' },
    };

    const changes = diffRulebooks({ rules: [EMERGENCIES, BOOKING] }, { rules: [EMERGENCIES, edited] });

    expect(changes).toEqual([
      {
        kind: 'changed',
        ruleId: 'rendez-vous',
        fields: ['label', 'when.callerKinds', 'when.intents', 'when.window', 'then'],
        summary: "règle rendez-vous modifiée : libellé, type d'appelant, motifs, plage horaire, action",
      },
    ]);
  });

  it('reports a rule both moved and changed', () => {
    const changes = diffRulebooks(
      { rules: [MESSAGE, EMERGENCIES] },
      { rules: [{ ...EMERGENCIES, when: { intents: ['emergency'] } }, MESSAGE] },
    );

    expect(changes.map((change) => change.summary)).toEqual([
      'règle urgences déplacée de 2 à 1',
      'règle urgences modifiée : motifs, urgence',
    ]);
  });
});
