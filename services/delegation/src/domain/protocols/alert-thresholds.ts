import type { AlertThresholds } from './protocol';

export type ThresholdKind = 'category' | 'flag' | 'keyword';

/** What a task shows at submission: what it was made from, what the delegate flagged, what they wrote. */
export interface TaskFacts {
  categories: readonly string[];
  flags: readonly string[];
  texts: readonly string[];
}

export interface ThresholdHit {
  kind: ThresholdKind;
  /** The threshold entry that matched, as the protocol wrote it. */
  entry: string;
}

/** Lowercase, without accents or punctuation, words separated by one space: « Fièvre, 40° ! » → "fievre 40". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Every alert threshold a task hits (DEL-5). Keywords match whole words or phrases in the folded texts, so « sang »
 * matches « du sang dans les urines » but not « sanguin »; categories and flags match their codes exactly.
 */
export function thresholdHits(thresholds: AlertThresholds, facts: TaskFacts): ThresholdHit[] {
  const hits: ThresholdHit[] = [];
  for (const entry of thresholds.categories)
    if (facts.categories.includes(entry)) hits.push({ kind: 'category', entry });
  for (const entry of thresholds.flags) if (facts.flags.includes(entry)) hits.push({ kind: 'flag', entry });
  const text = ` ${facts.texts.map(foldText).join(' ')} `;
  for (const entry of thresholds.keywords) {
    const folded = foldText(entry);
    if (folded && text.includes(` ${folded} `)) hits.push({ kind: 'keyword', entry });
  }
  return hits;
}

export function hitKinds(hits: readonly ThresholdHit[]): ThresholdKind[] {
  return [...new Set(hits.map((h) => h.kind))];
}
