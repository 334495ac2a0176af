import { reportMarkdown } from '../src/report/report-markdown';
import { benchResultFixture } from './report-fixture';

/** The cells of the table row whose first cell is `first`. */
function row(markdown: string, first: string): string[] {
  const line = markdown.split('\n').find((candidate) => candidate.startsWith(`| ${first} |`));
  if (!line) throw new Error(`No row "${first}" in:\n${markdown}`);
  return line
    .slice(1, -1)
    .split(' | ')
    .map((cell) => cell.trim());
}

/** The lines of the section `## title`. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}\n`);
  if (start < 0) throw new Error(`No section "${title}" in:\n${markdown}`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

const markdown = reportMarkdown(benchResultFixture(), [
  { title: 'Latency p50 and p99 per measurement', file: '2026-11-30-0905-latency.svg' },
]);

describe('the markdown report', () => {
  it('gives each measurement its figures, throughput as a share of its baseline and p99 as a multiple of it', () => {
    expect(row(markdown, 'Booking through the gateway, 16 clients')).toEqual([
      'Booking through the gateway, 16 clients',
      '16',
      '5700',
      '3',
      '95',
      '9.6',
      '14.2',
      '20',
      '187',
      '10 %',
      '×4',
    ]);
    expect(row(markdown, 'Outbox relay to Kafka, 8 producers').slice(-2)).toEqual(['25 %', '×3.33']);
  });

  it('marks baselines as such instead of comparing them with themselves', () => {
    expect(row(markdown, 'Raw INSERT through pg, 16 clients').slice(-2)).toEqual(['baseline', 'baseline']);
  });

  it('shows a missed target with what was measured, what was required and what limits it', () => {
    expect(row(markdown, '❌')).toEqual([
      '❌',
      'booking throughput ≥ 25 % of raw inserts (gateway, 16 clients)',
      '10 %',
      '≥ 25 %',
      'query planning in the gateway: 60 % of its CPU',
    ]);
    expect(row(markdown, '✅')).toEqual(['✅', 'no double booking', '0', '0', '—']);
    expect(markdown).toContain('Targets: 2 met, 1 missed.');
  });

  it('lists the skipped scenarios with their reason', () => {
    expect(section(markdown, 'Skipped')).toContain(
      '- `scale`: would not fit the budget: needs about 20 min, 6 min left',
    );
  });

  it('gives memory per service and phase in megabytes', () => {
    const footprint = section(markdown, 'Memory footprint');
    expect(row(footprint, 'gateway, under load')).toEqual(['gateway, under load', '182 MB']);
    expect(row(footprint, 'scheduling, idle')).toEqual(['scheduling, idle', '96.4 MB']);
  });

  it('prints the extra counts and notes of a scenario', () => {
    const booking = section(markdown, 'Booking an appointment');
    expect(booking).toContain('- Booking through the gateway, 16 clients: doubleBookings 0, slotTaken 37');
    expect(booking).toContain('- The gateway process saturates one core; PostgreSQL stays under 30 % CPU.');
  });

  it('describes the machine and the datasets the figures come from', () => {
    expect(row(markdown, '2 × Intel(R) Xeon(R) CPU @ 2.20GHz')).toEqual([
      '2 × Intel(R) Xeon(R) CPU @ 2.20GHz',
      '7.8 GB',
      'linux x64',
      'v24.21.0',
      'PostgreSQL 17.6',
      'Kafka 4.1.0 (KRaft)',
    ]);
    expect(row(markdown, 'base')).toEqual(['base', '50', '4', '120', '20000', '150000', '8.4 s']);
    expect(markdown).toContain('# Benchmark of 2026-11-30 09:05 UTC');
    expect(markdown).toContain('Ran 36.5 min of a 45 min budget');
  });

  it('links the charts relatively, so the report and its charts move together', () => {
    expect(markdown).toContain('![Latency p50 and p99 per measurement](2026-11-30-0905-latency.svg)');
  });

  it('warns that the figures of a smoke run mean nothing', () => {
    expect(markdown).not.toContain('Smoke run');
    expect(reportMarkdown({ ...benchResultFixture(), smoke: true }, [])).toContain(
      '> Smoke run: it only checks the harness; its figures mean nothing.',
    );
  });

  it('refuses a measurement compared with a baseline its scenario does not have', () => {
    const result = benchResultFixture();
    result.scenarios[0].measurements[1].baselineOf = 'raw-pg-32';
    expect(() => reportMarkdown(result, [])).toThrow(
      'Scenario "booking": measurement "gateway-16" names baseline "raw-pg-32", which the scenario does not have.',
    );
  });
});
