import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface PlantedSource {
  name: string;
  /** A path relative to the repository root; nothing is written there. */
  filePath: string;
  code: string;
}

export interface LintFinding {
  /** `null` for a parse error. */
  rule: string | null;
  message: string;
}

/** Lints each planted source as if it were the file at its path, with `<repoRoot>/eslint.config.mjs`. */
export function lintAsService(repoRoot: string, planted: PlantedSource[]): Map<string, LintFinding[]> {
  const output = execFileSync(process.execPath, [join(__dirname, 'lint-as-service.runner.mjs')], {
    cwd: repoRoot,
    input: JSON.stringify(planted),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new Map(Object.entries(JSON.parse(output) as Record<string, LintFinding[]>));
}
