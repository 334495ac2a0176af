import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from './bench-result';

// Placeholder until the report renderer lands.
export async function writeReport(result: BenchResult, dir: string) {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'tmp.json');
  writeFileSync(json, JSON.stringify(result, null, 2));
  return { json, markdown: json, charts: [] as string[] };
}
