import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicKeyOf } from '@msp/auth';
import { loadOrCreateStackKeys, ownerOnlyLogs, stackSecretsFile } from '../src/stack-secrets';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the stack keys file and the logs are owner-only', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'stack-keys-')), 'data');
  });
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('generates one pair per service once per data folder, and a later start agrees with it', () => {
    const first = loadOrCreateStackKeys(dataDir, ['directory', 'gateway']);
    expect(publicKeyOf(first.services.directory.privateKey)).toBe(first.services.directory.publicKey);
    expect(first.services.directory.privateKey).not.toBe(first.services.gateway.privateKey);
    const again = loadOrCreateStackKeys(dataDir, ['directory', 'gateway', 'scheduling']);
    expect(again.userContext).toEqual(first.userContext);
    expect(again.services.directory).toEqual(first.services.directory);
    expect(again.services.scheduling).toBeDefined(); // a service added since gets its own pair
  });

  it('generates a declared shared secret once, keeps it across starts, and adds one declared since', () => {
    const first = loadOrCreateStackKeys(dataDir, ['call-routing'], ['TELEPHONY_WEBHOOK_SECRETS']);
    expect(first.secrets.TELEPHONY_WEBHOOK_SECRETS).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = loadOrCreateStackKeys(dataDir, ['call-routing'], ['TELEPHONY_WEBHOOK_SECRETS', 'OTHER_SECRET']);
    expect(again.secrets.TELEPHONY_WEBHOOK_SECRETS).toBe(first.secrets.TELEPHONY_WEBHOOK_SECRETS);
    expect(again.secrets.OTHER_SECRET).not.toBe(first.secrets.TELEPHONY_WEBHOOK_SECRETS);
  });

  it('replaces a file of the earlier shared secrets with key pairs', () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(stackSecretsFile(dataDir), JSON.stringify({ INTERNAL_SERVICE_SECRET: 'x'.repeat(43) }));
    const keys = loadOrCreateStackKeys(dataDir, ['directory']);
    expect(publicKeyOf(keys.userContext.privateKey)).toBe(keys.userContext.publicKey);
  });

  it('makes the folder 0700 and the file 0600, also when they existed with looser modes', () => {
    loadOrCreateStackKeys(dataDir, ['directory']);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(stackSecretsFile(dataDir))).toBe(0o600);
    chmodSync(dataDir, 0o755);
    chmodSync(stackSecretsFile(dataDir), 0o644);
    loadOrCreateStackKeys(dataDir, ['directory']);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(stackSecretsFile(dataDir))).toBe(0o600);
  });

  it('makes the logs folder 0700 and every log 0600, earlier ones included, creating the missing ones owner-only', () => {
    const logsDir = join(dataDir, 'logs');
    mkdirSync(logsDir, { recursive: true, mode: 0o755 });
    const old = join(logsDir, 'scheduling.log');
    writeFileSync(old, 'GET /ical/… 200\n', { mode: 0o644 });
    chmodSync(old, 0o644);
    const fresh = join(logsDir, 'directory.log');
    ownerOnlyLogs(logsDir, [fresh, old]);
    expect(modeOf(logsDir)).toBe(0o700);
    expect(modeOf(old)).toBe(0o600);
    expect(modeOf(fresh)).toBe(0o600);
  });
});
