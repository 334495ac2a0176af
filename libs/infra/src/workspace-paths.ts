import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest ancestor holding nx.json, so paths work from src/ and dist/ alike. */
export function workspaceRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No nx.json above ${from}: run from inside the repository`);
    dir = parent;
  }
  return dir;
}

/** Git-ignored folder for caches, local data and logs (`MSP_DATA_DIR` overrides). */
export function dataDir(): string {
  return process.env.MSP_DATA_DIR ?? join(workspaceRoot(), '.data');
}
