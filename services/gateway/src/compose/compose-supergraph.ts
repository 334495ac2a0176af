import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { composeOptionsFromEnv, ComposeOptions } from './compose-options';
import { fetchSubgraphSdl } from './fetch-subgraph-sdl';
import { composeSupergraph } from './supergraph-composer';

/**
 * `npm run compose`: composes the supergraph from the running subgraphs listed in GATEWAY_SUBGRAPHS and writes it to
 * GATEWAY_SUPERGRAPH_FILE (default services/gateway/dist/supergraph.graphql), which the gateway then serves as is.
 */
export async function writeSupergraph(options: ComposeOptions): Promise<{ file: string; hints: string[] }> {
  const { supergraphSdl, hints } = await composeSupergraph(options.subgraphs, (s) =>
    fetchSubgraphSdl(s, options.timeoutMs),
  );
  mkdirSync(dirname(options.outputFile), { recursive: true });
  writeFileSync(options.outputFile, supergraphSdl.endsWith('\n') ? supergraphSdl : `${supergraphSdl}\n`);
  return { file: options.outputFile, hints };
}

async function main(): Promise<void> {
  const options = composeOptionsFromEnv(process.env);
  const { file, hints } = await writeSupergraph(options);
  for (const hint of hints) process.stderr.write(`hint: ${hint}\n`);
  const names = options.subgraphs.map((s) => s.name).join(', ');
  process.stdout.write(`Supergraph of ${names} written to ${relative(process.cwd(), file) || file}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
