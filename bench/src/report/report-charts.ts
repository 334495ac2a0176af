import type { TopLevelSpec } from 'vega-lite';
import type { BenchResult, ScenarioResult } from './bench-result';
import { formatPercent } from './figures';
import { ratiosToBaseline } from './ratios';

/** A chart of the report, `name` ending its file name. */
export interface ReportChart {
  name: string;
  title: string;
  spec: TopLevelSpec;
}

const WIDTH = 560;
/** Beyond one decade between a scenario's fastest and slowest figure, a linear axis flattens the fast ones to zero. */
const LOG_SCALE_FROM_SPREAD = 10;
/** Measurement labels are sentences ("Booking through the gateway, 16 clients"): never cut them. */
const MEASUREMENT_AXIS = {
  field: 'measurement',
  type: 'nominal' as const,
  sort: null,
  title: null,
  axis: { labelLimit: 0 },
};

/** The charts this result has data for. */
export function reportCharts(result: BenchResult): ReportChart[] {
  return [latencyChart(result), throughputChart(result), memoryChart(result)].filter(
    (chart): chart is ReportChart => chart !== undefined,
  );
}

function latencyChart(result: BenchResult): ReportChart | undefined {
  const sections = result.scenarios
    .map((scenario) => ({
      scenario,
      rows: scenario.measurements.flatMap((measurement) =>
        measurement.latencyMs
          ? [
              {
                measurement: measurement.label,
                path: measurement.baseline ? 'baseline' : 'platform',
                p50: measurement.latencyMs.p50,
                p99: measurement.latencyMs.p99,
              },
            ]
          : [],
      ),
    }))
    .filter((section) => section.rows.length > 0);
  if (sections.length === 0) return undefined;
  const title = 'Latency p50 and p99 per measurement';
  return {
    name: 'latency',
    title,
    spec: {
      title,
      vconcat: sections.map(({ scenario, rows }) => {
        const figures = rows.flatMap((row) => [row.p50, row.p99]);
        const log = Math.min(...figures) > 0 && Math.max(...figures) / Math.min(...figures) > LOG_SCALE_FROM_SPREAD;
        const x = {
          type: 'quantitative' as const,
          scale: { type: log ? ('log' as const) : ('linear' as const) },
          title: log ? 'ms (log scale)' : 'ms',
        };
        return {
          title: scenario.title,
          width: WIDTH,
          data: { values: rows },
          encoding: {
            y: MEASUREMENT_AXIS,
            color: { field: 'path', type: 'nominal', title: null, scale: { domain: ['baseline', 'platform'] } },
          },
          layer: [
            { mark: 'rule', encoding: { x: { ...x, field: 'p50' }, x2: { field: 'p99' } } },
            {
              transform: [{ fold: ['p50', 'p99'], as: ['statistic', 'ms'] }],
              mark: { type: 'point', filled: true, size: 90 },
              encoding: {
                x: { ...x, field: 'ms' },
                shape: {
                  field: 'statistic',
                  type: 'nominal',
                  title: null,
                  scale: { domain: ['p50', 'p99'], range: ['circle', 'triangle-right'] },
                },
              },
            },
          ],
        };
      }),
    },
  };
}

function throughputChart(result: BenchResult): ReportChart | undefined {
  const sections = result.scenarios
    .map((scenario) => ({ scenario, rows: throughputRows(scenario) }))
    .filter((section) => section.rows.length > 0);
  if (sections.length === 0) return undefined;
  const title = 'Throughput relative to the baseline of the same run';
  const x = {
    field: 'ratio',
    type: 'quantitative' as const,
    title: 'share of the baseline throughput (dashed line: the baseline)',
    axis: { format: '.0%' },
  };
  return {
    name: 'throughput',
    title,
    spec: {
      title,
      resolve: { scale: { x: 'shared' } },
      vconcat: sections.map(({ scenario, rows }) => ({
        title: scenario.title,
        width: WIDTH,
        data: { values: rows },
        layer: [
          { mark: 'bar', encoding: { y: MEASUREMENT_AXIS, x } },
          {
            mark: { type: 'text', align: 'left', dx: 4 },
            encoding: { y: MEASUREMENT_AXIS, x, text: { field: 'label' } },
          },
          // Without a y encoding the rule spans the whole height: the baseline's own throughput.
          { mark: { type: 'rule', strokeDash: [4, 4] }, encoding: { x: { datum: 1 } } },
        ],
      })),
    },
  };
}

function throughputRows(scenario: ScenarioResult): { measurement: string; ratio: number; label: string }[] {
  return scenario.measurements.flatMap((measurement) => {
    const ratio = ratiosToBaseline(scenario, measurement)?.throughput;
    return ratio === undefined ? [] : [{ measurement: measurement.label, ratio, label: formatPercent(ratio) }];
  });
}

function memoryChart(result: BenchResult): ReportChart | undefined {
  const rows = result.scenarios.flatMap((scenario) =>
    scenario.measurements
      .filter((measurement) => measurement.kind === 'memory' && measurement.value !== undefined)
      .map((measurement) => ({
        service: measurement.service ?? measurement.label,
        phase: measurement.phase ?? 'measured',
        mb: measurement.value,
      })),
  );
  if (rows.length === 0) return undefined;
  const title = 'Resident memory per service';
  const x = { field: 'mb', type: 'quantitative' as const, title: 'MB' };
  return {
    name: 'memory',
    title,
    spec: {
      title,
      width: WIDTH,
      data: { values: rows },
      encoding: {
        y: { field: 'service', type: 'nominal', sort: null, title: null, axis: { labelLimit: 0 } },
        yOffset: { field: 'phase', type: 'nominal', sort: null },
        color: { field: 'phase', type: 'nominal', sort: null, title: null },
      },
      layer: [
        { mark: 'bar', encoding: { x } },
        { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { x, text: { field: 'mb', format: '.0f' } } },
      ],
    },
  };
}
