import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { STACK_SECRETS } from './service-env';

export type StackSecrets = Record<(typeof STACK_SECRETS)[number], string>;

export function stackSecretsFile(dataDir: string): string {
  return join(dataDir, 'stack-secrets.json');
}

/**
 * The secrets services share: from the environment when set, else generated once per data folder and kept there
 * (owner-only file), so tools such as `npm run token` can talk to the running services' internal APIs.
 */
export function loadOrCreateStackSecrets(dataDir: string, env: NodeJS.ProcessEnv): StackSecrets {
  const file = stackSecretsFile(dataDir);
  const stored: Partial<StackSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets = Object.fromEntries(
    STACK_SECRETS.map((name) => [name, env[name] || stored[name] || randomBytes(32).toString('base64url')]),
  ) as StackSecrets;
  const generated = STACK_SECRETS.filter((name) => !env[name]);
  if (generated.some((name) => stored[name] !== secrets[name])) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(Object.fromEntries(generated.map((n) => [n, secrets[n]])), null, 2), {
      mode: 0o600,
    });
  }
  return secrets;
}
