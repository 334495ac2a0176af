import type { BenchResult } from '../src/report/bench-result';
import { renderSvg } from '../src/report/render-svg';
import { reportCharts } from '../src/report/report-charts';
import { benchResultFixture } from './report-fixture';

async function renderedCharts(result: BenchResult): Promise<Map<string, string>> {
  const charts = reportCharts(result);
  const svgs = await Promise.all(charts.map((chart) => renderSvg(chart.spec)));
  return new Map(charts.map((chart, index) => [chart.name, svgs[index]]));
}

/** The texts a reader sees in the chart. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
}

function expectSvgDocument(svg: string): void {
  expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg.trimEnd()).toMatch(/<\/svg>$/);
}

describe('the charts of the report', () => {
  let charts: Map<string, string>;
  beforeAll(async () => {
    charts = await renderedCharts(benchResultFixture());
  });

  it('draws latency, throughput and memory for a run that measured all three', () => {
    expect([...charts.keys()]).toEqual(['latency', 'throughput', 'memory']);
    for (const svg of charts.values()) expectSvgDocument(svg);
  });

  it('draws p50 and p99 of every measurement, grouped by scenario, baselines beside the platform paths', () => {
    const labels = texts(charts.get('latency')!);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Booking an appointment',
        'Raw INSERT through pg, 16 clients',
        'Booking through the gateway, 16 clients',
        'Publishing domain events',
        'Raw kafkajs send, 8 producers',
        'Outbox relay to Kafka, 8 producers',
        'baseline',
        'platform',
        'p50',
        'p99',
      ]),
    );
  });

  it('puts latency on a log scale only where a scenario spans more than a decade', () => {
    // Booking spans 0.8 to 20 ms; events 4 to 30 ms.
    const axisTitles = texts(charts.get('latency')!).filter((text) => text.startsWith('ms'));
    expect(axisTitles).toEqual(['ms (log scale)', 'ms']);
  });

  it('draws each platform path as a share of its baseline throughput', () => {
    const labels = texts(charts.get('throughput')!);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Booking through the gateway, 16 clients',
        '10 %',
        'Outbox relay to Kafka, 8 producers',
        '25 %',
      ]),
    );
    expect(labels).not.toContain('Raw INSERT through pg, 16 clients');
  });

  it('draws memory per service, idle beside under load', () => {
    expect(texts(charts.get('memory')!)).toEqual(
      expect.arrayContaining(['gateway', 'scheduling', 'idle', 'under load', '182', '96']),
    );
  });

  it('draws only the charts the run has figures for', async () => {
    const result = benchResultFixture();
    result.scenarios = result.scenarios.filter((scenario) => scenario.id === 'footprint');
    expect([...(await renderedCharts(result)).keys()]).toEqual(['memory']);
  });
});
