// Lints planted sources with the repository's eslint.config.mjs, outside Jest: ESLint loads its flat config with a
// dynamic import(), which Jest's CommonJS sandbox refuses without --experimental-vm-modules.
// stdin: [{ name, filePath, code }]; stdout: { [name]: [{ rule, message }] } with the layer rules' findings and any
// fatal parse error (rule null), so that a typo in a planted example cannot pass as "clean".
import { join } from 'node:path';
import { ESLint } from 'eslint';

const LAYER_RULES = new Set([
  'no-restricted-imports',
  'no-restricted-syntax',
  '@typescript-eslint/no-restricted-imports',
]);

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const planted = JSON.parse(Buffer.concat(chunks).toString('utf8'));

// The Nx boundary rule needs the project graph and says nothing about layers; it is checked by `nx run-many -t lint`.
// The configuration file is named, not looked up: ESLint 10 looks it up from each file's folder, and these files do not
// exist.
const eslint = new ESLint({
  overrideConfigFile: join(process.cwd(), 'eslint.config.mjs'),
  overrideConfig: { rules: { '@nx/enforce-module-boundaries': 'off' } },
});
const findings = {};
for (const { name, filePath, code } of planted) {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  findings[name] = result.messages
    .filter((message) => message.fatal || LAYER_RULES.has(message.ruleId))
    .map((message) => ({ rule: message.ruleId, message: message.message }));
}
process.stdout.write(JSON.stringify(findings));
