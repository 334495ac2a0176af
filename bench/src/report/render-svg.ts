import { spawnSync } from 'node:child_process';
import type { TopLevelSpec } from 'vega-lite';
import { workspaceRoot } from '@msp/infra';

/**
 * Vega and Vega-Lite are ES modules whose graph holds a top-level await (vega-canvas probing for the optional native
 * `canvas` package): Node's require(esm) refuses them, and a dynamic import from our CommonJS code fails now and then
 * under Jest's module linker. A short-lived Node process that imports them natively renders each chart instead, the
 * same way from bench/dist and under Jest. `toSVG()` needs no canvas: text widths are estimated.
 */
const RENDER = `
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const view = new vega.View(vega.parse(vegaLite.compile(JSON.parse(input)).spec), { renderer: 'none' });
process.stdout.write(await view.toSVG());
view.finalize();
`;

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const result = spawnSync(process.execPath, ['--input-type=module', '--eval', RENDER], {
    cwd: workspaceRoot(),
    input: JSON.stringify(spec),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (result.status !== 0 || !result.stdout.startsWith('<svg'))
    throw new Error(`Rendering a chart failed: ${result.error?.message ?? result.stderr.trim().slice(0, 500)}`);
  return result.stdout;
}
