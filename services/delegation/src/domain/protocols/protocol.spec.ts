import { isPluriprofessional, protocolContentProblems, protocolStepsFrom, type ProtocolContent } from './protocol';

const content: ProtocolContent = {
  title: 'Renouvellements',
  mission: 'Préparer les renouvellements d’ordonnance des patients chroniques stables',
  procedure: '…',
  taskType: 'prescription_renewal',
  executingRoles: ['medical_assistant'],
  professions: ['general_practitioner', 'medical_assistant'],
  validationCircuit: 'referent_review',
  alertThresholds: { categories: [], flags: [], keywords: [] },
  deadline: { withinHours: 24 },
  standardMinutes: null,
};
const ROLES = ['practitioner', 'secretary', 'medical_assistant', 'coordinator', 'administrator'];

describe('a protocol', () => {
  it('is pluriprofessional with two professions, one of them a physician’s', () => {
    expect(isPluriprofessional(['general_practitioner', 'medical_assistant'])).toBe(true);
    expect(isPluriprofessional(['nurse', 'medical_assistant'])).toBe(false);
    expect(isPluriprofessional(['general_practitioner'])).toBe(false);
  });

  it('names every problem of its content by field', () => {
    const problems = protocolContentProblems(
      { ...content, title: '', executingRoles: ['practitioner'], deadline: { withinHours: 0 } },
      ROLES,
    );
    expect([...problems.keys()]).toEqual(['title', 'executingRoles', 'deadline.withinHours']);
    expect(protocolContentProblems(content, ROLES).size).toBe(0);
  });

  it('is adopted from a draft, revised or retired once adopted, and never changes once retired', () => {
    expect(protocolStepsFrom('draft')).toContain('adopt');
    expect(protocolStepsFrom('adopted')).toEqual(['revise', 'retire']);
    expect(protocolStepsFrom('retired')).toEqual([]);
  });
});
