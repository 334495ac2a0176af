import type { BenchResult, Measurement, ScenarioResult, TargetCheck } from './bench-result';
import { formatFigure, formatMultiple, formatPercent } from './figures';
import { ratiosToBaseline } from './ratios';

/** A chart already written next to the report, linked by its file name. */
export interface ChartLink {
  title: string;
  file: string;
}

const NONE = '—';

export function reportMarkdown(result: BenchResult, charts: ChartLink[]): string {
  return [
    `# Benchmark of ${utcMinute(result.startedAt)} UTC`,
    ...(result.smoke ? ['> Smoke run: it only checks the harness; its figures mean nothing.'] : []),
    runSummary(result),
    '## Machine',
    machineTable(result),
    '## Datasets',
    datasetTable(result),
    ...(charts.length > 0 ? ['## Charts', ...charts.map((chart) => `![${chart.title}](${chart.file})`)] : []),
    ...result.scenarios.flatMap(scenarioSection),
    '## Skipped',
    result.skipped.length > 0
      ? result.skipped.map((skipped) => `- \`${skipped.id}\`: ${skipped.reason}`).join('\n')
      : 'Nothing: every scenario ran.',
  ].join('\n\n');
}

function runSummary(result: BenchResult): string {
  const minutes = (Date.parse(result.finishedAt) - Date.parse(result.startedAt)) / 60_000;
  const targets = result.scenarios.flatMap((scenario) => scenario.targets);
  const missed = targets.filter((target) => !target.met).length;
  return (
    `Ran ${formatFigure(minutes)} min of a ${formatFigure(result.budgetSeconds / 60)} min budget, ` +
    `${result.scenarios.length} scenarios, ${result.skipped.length} skipped. ` +
    `Targets: ${targets.length - missed} met, ${missed} missed.`
  );
}

function machineTable({ machine }: BenchResult): string {
  return table(
    ['CPU', 'memory', 'platform', 'Node', 'PostgreSQL', 'Kafka'],
    [
      [
        `${machine.cpus} × ${machine.cpuModel}`,
        `${formatFigure(machine.memoryGb)} GB`,
        machine.platform,
        machine.node,
        machine.postgres,
        machine.kafka,
      ],
    ],
  );
}

function datasetTable({ datasets }: BenchResult): string {
  return table(
    ['dataset', 'practitioners', 'sites', 'motifs', 'patients', 'appointments', 'seeded in'],
    datasets.map((dataset) => [
      dataset.name,
      String(dataset.practitioners),
      String(dataset.sites),
      String(dataset.motifs),
      String(dataset.patients),
      String(dataset.appointments),
      `${formatFigure(dataset.seedSeconds)} s`,
    ]),
  );
}

function scenarioSection(scenario: ScenarioResult): string[] {
  const latencies = scenario.measurements.filter((measurement) => measurement.kind === 'latency');
  const values = scenario.measurements.filter((measurement) => measurement.kind !== 'latency');
  const extras = scenario.measurements.filter((measurement) => measurement.extra);
  return [
    `## ${scenario.title}`,
    `\`${scenario.id}\`, dataset ${scenario.dataset}, ${formatFigure(scenario.durationSeconds)} s.`,
    ...(latencies.length > 0 ? [latencyTable(scenario, latencies)] : []),
    ...(values.length > 0 ? [valueTable(values)] : []),
    ...(extras.length > 0 ? [extras.map(extraLine).join('\n')] : []),
    ...cpuSection(scenario.measurements.filter((measurement) => measurement.cpuMsPerOperation)),
    ...(scenario.targets.length > 0 ? ['### Targets', targetTable(scenario.targets)] : []),
    ...(scenario.notes.length > 0 ? ['### Notes', scenario.notes.map((note) => `- ${note}`).join('\n')] : []),
  ];
}

function latencyTable(scenario: ScenarioResult, measurements: Measurement[]): string {
  return table(
    [
      'measurement',
      'concurrency',
      'ops',
      'errors',
      'throughput/s',
      'p50 ms',
      'p90 ms',
      'p99 ms',
      'max ms',
      'throughput vs baseline',
      'p99 vs baseline',
    ],
    measurements.map((measurement) => {
      const ratios = ratiosToBaseline(scenario, measurement);
      const latency = measurement.latencyMs;
      return [
        measurement.label,
        optional(measurement.concurrency, String),
        optional(measurement.operations, String),
        optional(measurement.errors, String),
        optional(measurement.throughputPerSecond, formatFigure),
        optional(latency?.p50, formatFigure),
        optional(latency?.p90, formatFigure),
        optional(latency?.p99, formatFigure),
        optional(latency?.max, formatFigure),
        measurement.baseline ? 'baseline' : optional(ratios?.throughput, formatPercent),
        measurement.baseline ? 'baseline' : optional(ratios?.p99, formatMultiple),
      ];
    }),
  );
}

function valueTable(measurements: Measurement[]): string {
  return table(
    ['measurement', 'value'],
    measurements.map((measurement) => [
      measurement.label,
      optional(measurement.value, (value) => `${formatFigure(value)} ${measurement.unit ?? ''}`.trim()),
    ]),
  );
}

/** Where each operation's CPU went: one column per part of the stack, in the order the first measurement lists them. */
function cpuSection(measurements: Measurement[]): string[] {
  if (measurements.length === 0) return [];
  const parts = [...new Set(measurements.flatMap((m) => Object.keys(m.cpuMsPerOperation ?? {})))];
  const total = (m: Measurement) => Object.values(m.cpuMsPerOperation ?? {}).reduce((sum, ms) => sum + ms, 0);
  return [
    '### CPU per operation (ms)',
    table(
      ['measurement', ...parts, 'total'],
      measurements.map((m) => [
        m.label,
        ...parts.map((part) => optional(m.cpuMsPerOperation?.[part], formatFigure)),
        formatFigure(total(m)),
      ]),
    ),
  ];
}

function extraLine(measurement: Measurement): string {
  const figures = Object.entries(measurement.extra ?? {}).map(([name, value]) => `${name} ${formatFigure(value)}`);
  return `- ${measurement.label}: ${figures.join(', ')}`;
}

function targetTable(targets: TargetCheck[]): string {
  return table(
    ['', 'target', 'measured', 'required', 'limited by'],
    targets.map((target) => [
      target.met ? '✅' : '❌',
      target.description,
      target.measured,
      target.target,
      target.limitedBy ?? NONE,
    ]),
  );
}

function optional<T>(value: T | undefined, format: (value: T) => string): string {
  return value === undefined ? NONE : format(value);
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A pipe or a line break inside a cell would end it. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function utcMinute(instant: string): string {
  return new Date(instant).toISOString().slice(0, 16).replace('T', ' ');
}
