import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import * as prettier from 'prettier';
import { writeReport } from '../src/report/write-report';
import { benchResultFixture } from './report-fixture';

describe('writeReport', () => {
  let dir: string;
  beforeEach(async () => {
    // Inside the repository (.data is ignored by git and prettier), so the repository's prettier settings apply.
    const data = join(__dirname, '..', '..', '.data');
    await mkdir(data, { recursive: true });
    dir = await mkdtemp(join(data, 'bench-report-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names the files after the start of the run and keeps the result as is', async () => {
    const result = benchResultFixture();
    const written = await writeReport(result, dir);

    expect(basename(written.json)).toBe('2026-11-30-0905.json');
    expect(basename(written.markdown)).toBe('2026-11-30-0905.md');
    expect(written.charts.map((chart) => basename(chart))).toEqual([
      '2026-11-30-0905-latency.svg',
      '2026-11-30-0905-throughput.svg',
      '2026-11-30-0905-memory.svg',
    ]);
    expect(JSON.parse(await readFile(written.json, 'utf8'))).toEqual(result);
    expect(await readFile(join(dir, 'latest.md'), 'utf8')).toBe(await readFile(written.markdown, 'utf8'));
  });

  it('links every chart it wrote, relative to the report', async () => {
    const written = await writeReport(benchResultFixture(), dir);
    const markdown = await readFile(written.markdown, 'utf8');
    for (const chart of written.charts) {
      expect(existsSync(chart)).toBe(true);
      expect(markdown).toContain(`](${basename(chart)})`);
    }
  });

  it('keeps both reports of two runs on the same day', async () => {
    await writeReport(benchResultFixture(), dir);
    await writeReport({ ...benchResultFixture(), startedAt: '2026-11-30T14:30:00.000Z' }, dir);
    const files = await readdir(dir);
    expect(files).toEqual(expect.arrayContaining(['2026-11-30-0905.md', '2026-11-30-1430.md', 'latest.md']));
  });

  it('writes files that pass the prettier check of npm test, since results are committed', async () => {
    const written = await writeReport(benchResultFixture(), dir);
    for (const file of [written.json, written.markdown]) {
      const options = await prettier.resolveConfig(file);
      expect(await prettier.check(await readFile(file, 'utf8'), { ...options, filepath: file })).toBe(true);
    }
  });
});
