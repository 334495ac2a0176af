import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { CatalogueSource } from '../domain/catalogue-loader';

/** `services/indicators/data`, whether run from the sources (specs) or from `dist/`. */
export const INDICATORS_DATA_DIR = resolve(__dirname, '..', '..', 'data');

/**
 * Reads and parses the YAML files of a data folder (`catalogue/`, `parameters/`), in name order. Merge keys (`<<:`)
 * let a file share the fields its indicators have in common; the alias limit is raised for that, files being ours.
 * A file that is not valid YAML is reported with its name; the content is validated by the domain loader.
 */
export function readDataFiles(folder: string, dataDir = INDICATORS_DATA_DIR): CatalogueSource[] {
  const dir = join(dataDir, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const file = relative(dataDir, path);
      try {
        return { file, content: parse(readFileSync(path, 'utf8'), { merge: true, maxAliasCount: 10_000 }) as unknown };
      } catch (error) {
        throw new Error(`${file}: not valid YAML: ${(error as Error).message}`, { cause: error });
      }
    });
}
