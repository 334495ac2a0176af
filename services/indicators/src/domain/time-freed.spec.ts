import { readDataFiles } from '../infrastructure/catalogue-files';
import { IndicatorsError } from './indicators-error';
import { loadTimeFreedParameters, medicalTimeFreed } from './time-freed';

const parameters = loadTimeFreedParameters(readDataFiles('parameters')[0]);
const month = {
  delegatedMinutesCompleted: 600,
  callsHandledWithoutHuman: 200,
  interruptionsAvoided: 50,
  periodDays: 28,
};

describe('medical time freed per practitioner per week', () => {
  it('sums each term with its per-unit minutes and divides by weeks and practitioners', () => {
    const result = medicalTimeFreed({ ...month, practitioners: 1 }, parameters);
    expect(result.terms.map((t) => [t.code, t.quantity, t.minutesPerUnit, t.minutes])).toEqual([
      ['delegated_tasks', 600, 1, 600],
      ['calls_without_human', 200, 5, 1000],
      ['interruptions_avoided', 50, 2, 100],
    ]);
    expect(result).toMatchObject({
      totalMinutes: 1700,
      weeks: 4,
      minutesPerPractitionerPerWeek: 425,
      hoursPerPractitionerPerWeek: 7.08,
    });
  });

  it('shares a structure’s activity among its practitioners', () => {
    expect(medicalTimeFreed({ ...month, practitioners: 4 }, parameters).minutesPerPractitionerPerWeek).toBe(106.3);
  });

  it('explains each term and says the per-call and per-interruption minutes are platform assumptions', () => {
    const { explanation } = medicalTimeFreed({ ...month, practitioners: 1 }, parameters);
    expect(explanation[1]).toMatch(
      /^Appels traités sans intervention humaine : 200 × 5 min = 1\u00a0000 min \(hypothèse de la plateforme ; URPS/,
    );
    expect(explanation[2]).toContain('aucune source : hypothèse de la plateforme');
    expect(explanation.at(-1)).toContain('pas des mesures officielles');
  });

  it('refuses a period of no days and a fractional call count, naming the field', () => {
    expect(() => medicalTimeFreed({ ...month, periodDays: 0, practitioners: 1 }, parameters)).toThrow(
      'activity.periodDays',
    );
    expect(() => medicalTimeFreed({ ...month, callsHandledWithoutHuman: 2.5, practitioners: 1 }, parameters)).toThrow(
      'activity.callsHandledWithoutHuman: must be a whole number',
    );
  });

  it('refuses a parameters file with a parameter left empty, naming the file and path', () => {
    const source = readDataFiles('parameters')[0];
    const content = structuredClone(source.content) as {
      minutesPerInterruptionAvoided: { value: null; status: string };
    };
    content.minutesPerInterruptionAvoided = { value: null, status: 'to_be_completed' };
    try {
      loadTimeFreedParameters({ file: source.file, content });
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as IndicatorsError).problems).toEqual([
        {
          file: source.file,
          path: 'minutesPerInterruptionAvoided.value',
          message: 'the time freed needs every parameter',
        },
      ]);
    }
  });
});
