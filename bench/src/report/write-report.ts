import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as prettier from 'prettier';
import type { BenchResult } from './bench-result';
import { reportCharts } from './report-charts';
import { reportMarkdown } from './report-markdown';
import { renderSvg } from './render-svg';

export interface WrittenReport {
  json: string;
  markdown: string;
  charts: string[];
}

/**
 * Writes `<stamp>.json` (the result as is), the charts `<stamp>-<chart>.svg`, the report `<stamp>.md` linking them, and
 * `latest.md`, a copy docs can link. The stamp is the run's start, `YYYY-MM-DD-HHmm` in UTC, so two runs of a day keep
 * their own files.
 */
export async function writeReport(result: BenchResult, dir: string): Promise<WrittenReport> {
  const stamp = runStamp(result.startedAt);
  await mkdir(dir, { recursive: true });
  // Written first: a report that fails to render must not lose the figures of a long run.
  const json = join(dir, `${stamp}.json`);
  await writeFormatted(json, JSON.stringify(result));

  const charts = [];
  for (const chart of reportCharts(result)) {
    const file = `${stamp}-${chart.name}.svg`;
    await writeFile(join(dir, file), await renderSvg(chart.spec));
    charts.push({ title: chart.title, file });
  }

  const markdown = join(dir, `${stamp}.md`);
  await writeFormatted(markdown, reportMarkdown(result, charts));
  await copyFile(markdown, join(dir, 'latest.md'));
  return { json, markdown, charts: charts.map((chart) => join(dir, chart.file)) };
}

function runStamp(startedAt: string): string {
  const iso = new Date(startedAt).toISOString();
  return `${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/** The results are committed and `npm test` runs `prettier --check .`: write them as prettier would. */
async function writeFormatted(file: string, text: string): Promise<void> {
  const options = await prettier.resolveConfig(file);
  await writeFile(file, await prettier.format(text, { ...options, filepath: file }));
}
