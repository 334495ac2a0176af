import { accuracyReport, accuracyTable } from './accuracy-report';
import { BLIND_HELD_OUT_PHRASINGS } from './corpus/blind-held-out-phrasings';
import { SECOND_BLIND_HELD_OUT_PHRASINGS } from './corpus/second-blind-held-out-phrasings';

/**
 * The classifier on the blind held-out sets (issue 10, item 3): phrasings written by helpers who had not seen the
 * classifier, each committed before its first measurement. The first set's misses were fixed after it was measured (it
 * now guards against regressions only); the second was first measured on the revised classifier — its figure is the
 * one docs/intent-classifier.md reports.
 */
describe.each([
  ['first blind set (spent: tuned on after its first measure)', BLIND_HELD_OUT_PHRASINGS],
  ['second blind set', SECOND_BLIND_HELD_OUT_PHRASINGS],
])('the intent classifier on the %s', (name, phrasings) => {
  const report = accuracyReport(phrasings);

  beforeAll(() => {
    if (!process.env.PRINT_ACCURACY) return;
    const misses = report.misses.map(({ text, expected, got }) => `- « ${text} »: expected ${expected}, got ${got}`);
    process.stdout.write(
      [
        `\n${name}`,
        accuracyTable(report),
        `missed emergencies (${report.missedEmergencies.length}):`,
        ...report.missedEmergencies.map((text) => `- « ${text} »`),
        `misses (${report.misses.length}):`,
        ...misses,
        '',
      ].join('\n'),
    );
  });

  it('has at least 90 phrasings', () => {
    expect(report.overall.phrasings).toBeGreaterThanOrEqual(90);
  });

  it('classifies at least 90 % of them right', () => {
    expect(report.overall.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('misses no emergency', () => {
    expect(report.missedEmergencies).toEqual([]);
  });
});
