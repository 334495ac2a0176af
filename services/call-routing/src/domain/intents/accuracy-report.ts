import { INTENTS, type Intent } from '../rulebook/rulebook';
import type { LabelledPhrasing } from './corpus/labelled-phrasing';
import { classifyTranscript, type IntentClassification } from './intent-classifier';

export interface IntentAccuracy {
  intent: Intent;
  phrasings: number;
  correct: number;
  /** correct / phrasings (0..1). */
  accuracy: number;
}

export interface AccuracyReport {
  perIntent: IntentAccuracy[];
  overall: Omit<IntentAccuracy, 'intent'>;
  /** Emergency phrasings classified otherwise or not flagged urgent: each is a caller not sent to the 15. */
  missedEmergencies: string[];
  misses: Array<{ text: string; expected: Intent; got: Intent }>;
}

/** How well the classifier does on labelled phrasings, per intent (only the intents the set contains) and overall. */
export function accuracyReport(
  phrasings: readonly LabelledPhrasing[],
  classify: (text: string) => IntentClassification = classifyTranscript,
): AccuracyReport {
  const tally = new Map<Intent, { phrasings: number; correct: number }>();
  const misses: AccuracyReport['misses'] = [];
  const missedEmergencies: string[] = [];
  for (const { text, intent: expected } of phrasings) {
    const { intent: got, urgent } = classify(text);
    const counts = tally.get(expected) ?? { phrasings: 0, correct: 0 };
    counts.phrasings += 1;
    if (got === expected) counts.correct += 1;
    else misses.push({ text, expected, got });
    if (expected === 'emergency' && !(got === 'emergency' && urgent)) missedEmergencies.push(text);
    tally.set(expected, counts);
  }
  const withAccuracy = (counts: { phrasings: number; correct: number }) => ({
    ...counts,
    accuracy: counts.phrasings === 0 ? 0 : counts.correct / counts.phrasings,
  });
  const perIntent = INTENTS.flatMap((intent) => {
    const counts = tally.get(intent);
    return counts ? [{ intent, ...withAccuracy(counts) }] : [];
  });
  const overall = withAccuracy({
    phrasings: phrasings.length,
    correct: phrasings.length - misses.length,
  });
  return { perIntent, overall, missedEmergencies, misses };
}

/** The report as the Markdown table docs/intent-classifier.md shows. */
export function accuracyTable(report: AccuracyReport): string {
  const percent = (accuracy: number) => `${(accuracy * 100).toFixed(1)} %`;
  const row = (name: string, { phrasings, correct, accuracy }: Omit<IntentAccuracy, 'intent'>) =>
    `| ${name} | ${phrasings} | ${correct} | ${percent(accuracy)} |`;
  return [
    '| intent | phrasings | correct | accuracy |',
    '| --- | ---: | ---: | ---: |',
    ...report.perIntent.map((line) => row(line.intent, line)),
    row('**overall**', report.overall),
  ].join('\n');
}
