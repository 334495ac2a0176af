// `npm run bench [-- --budget-minutes 20] [--smoke] [--keep] [--profile] [--only booking,events]`: see docs/performance.md.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir, workspaceRoot } from '@msp/infra';
import { runBench } from './run-bench';

const say = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'budget-minutes': { type: 'string', default: '20' },
      smoke: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      only: { type: 'string', default: '' },
    },
  });
  const budgetMinutes = Number(values['budget-minutes']);
  if (!(budgetMinutes > 0)) throw new Error('--budget-minutes must be a positive number');
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const runDir = join(dataDir(), 'bench', stamp);
  mkdirSync(runDir, { recursive: true });
  // Databases of their own, so a run never reads or changes the development stack's data.
  const prefix = `bench_${stamp}`;
  // Any free port for the gateway: a development stack may hold 4000.
  const env: NodeJS.ProcessEnv = { ...process.env, MSP_DATABASE_PREFIX: prefix, PORT: '' };
  delete env.NODE_OPTIONS; // the built services, not the TypeScript sources
  const profiles = join(workspaceRoot(), 'bench', 'results', 'profiles', stamp);

  try {
    const { result, files } = await runBench({
      smoke: values.smoke,
      only: values.only.split(',').filter(Boolean),
      budgetSeconds: budgetMinutes * 60,
      dataDir: runDir,
      resultsDir: join(workspaceRoot(), 'bench', 'results'),
      workspaceRoot: workspaceRoot(),
      env,
      dropDatabases: !values.keep,
      // Each service writes a V8 CPU profile when it stops (open it in Chrome DevTools or speedscope).
      nodeArguments: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : [],
      progress: say,
    });
    const missed = result.scenarios.flatMap((s) => s.targets).filter((t) => !t.met);
    say(`Report: ${files.markdown}`);
    if (values.profile) say(`CPU profiles: ${profiles}`);
    say(`${missed.length} target(s) missed; ${result.skipped.length} scenario(s) skipped`);
  } finally {
    if (!values.keep) rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
