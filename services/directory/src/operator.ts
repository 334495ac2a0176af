import 'reflect-metadata';
import { runOperatorCommand } from './interface/cli/operator-command';

// `npm run operator -- create-structure …`: a platform operator's command on the directory's database.
runOperatorCommand(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`operator failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
