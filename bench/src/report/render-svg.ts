import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';

/**
 * vega and vega-lite are ES modules whose graph holds a top-level await (vega-canvas probing for the optional native
 * `canvas` package), which Node's require(esm) refuses; and swc compiles our `import()` into `require()`. A Function
 * body is not compiled, so this stays a real dynamic import, both from bench/dist and under Jest.
 */
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

let modules: Promise<{ vega: typeof Vega; vegaLite: typeof VegaLite }> | undefined;

/** One after the other: Jest's module linker fails on two concurrent imports that share dependencies (vega-util). */
async function loadModules(): Promise<{ vega: typeof Vega; vegaLite: typeof VegaLite }> {
  const vega = (await importModule('vega')) as typeof Vega;
  const vegaLite = (await importModule('vega-lite')) as typeof VegaLite;
  return { vega, vegaLite };
}

/** Renders without a canvas: `toSVG()` needs no native binary, text widths are estimated. */
export async function renderSvg(spec: VegaLite.TopLevelSpec): Promise<string> {
  modules ??= loadModules();
  const { vega, vegaLite } = await modules;
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
