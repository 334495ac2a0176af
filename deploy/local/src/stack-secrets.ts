import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type EncodedKeyPair, generateSigningKeyPair } from '@msp/auth';

/** Callers of the development stack that are not services: `npm run token` looks members up by e-mail. */
export const DEVELOPMENT_CALLERS = ['token-cli'] as const;

/**
 * The stack's key pairs: the gateway's user-context pair and one service-token pair per service (and development
 * caller). Each process is given only its own private key (see serviceEnv); the file holds them all, owner-only.
 */
export interface StackKeys {
  userContext: EncodedKeyPair;
  services: Record<string, EncodedKeyPair>;
  /** Shared secrets services declare (`ServiceDefinition.secrets`), by variable name: a telephony webhook's HMAC key. */
  secrets: Record<string, string>;
}

export function stackSecretsFile(dataDir: string): string {
  return join(dataDir, 'stack-secrets.json');
}

/**
 * The stack's keys, generated once per data folder and kept there, so that services restarted later (and tools such
 * as `npm run token`) agree with the running ones; a service added since gets its pair. A file of the earlier shared
 * secrets is replaced. The folder is made owner-only (0700) and the file 0600, also when they already existed.
 */
export function loadOrCreateStackKeys(
  dataDir: string,
  names: readonly string[],
  secretVariables: readonly string[] = [],
): StackKeys {
  const file = stackSecretsFile(dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<StackKeys>) : {};
  const keys: StackKeys = {
    userContext: stored.userContext ?? generateSigningKeyPair(),
    services: { ...(stored.services ?? {}) },
    secrets: { ...(stored.secrets ?? {}) },
  };
  for (const name of names) keys.services[name] ??= generateSigningKeyPair();
  for (const variable of secretVariables) keys.secrets[variable] ??= randomBytes(32).toString('base64url');
  if (
    !stored.userContext ||
    names.some((name) => !stored.services?.[name]) ||
    secretVariables.some((variable) => !stored.secrets?.[variable])
  )
    writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return keys;
}

/**
 * Logs name patients' opaque ids, correlation ids and, for a misbehaving client, worse: the logs folder is 0700 and
 * every log file 0600, those of earlier runs included; `logFiles` not yet written are created owner-only (the service
 * process appends to them).
 */
export function ownerOnlyLogs(logsDir: string, logFiles: readonly string[]): void {
  mkdirSync(logsDir, { recursive: true, mode: 0o700 });
  chmodSync(logsDir, 0o700);
  for (const file of logFiles) if (!existsSync(file)) writeFileSync(file, '', { mode: 0o600 });
  for (const entry of readdirSync(logsDir, { withFileTypes: true }))
    if (entry.isFile()) chmodSync(join(logsDir, entry.name), 0o600);
}
