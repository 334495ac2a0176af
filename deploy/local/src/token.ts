// `npm run token -- --member <member id or e-mail> [--expires 8h]`
// Prints a bearer token from the development issuer for a member of the running local stack.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DevIssuer } from '@msp/auth';
import { dataDir } from '@msp/infra';
import { InternalHttpClient, InternalRejectedError } from '@msp/messaging';
import { runningStack } from './stack-lock';
import { loadOrCreateStackKeys } from './stack-secrets';

const USAGE = 'usage: npm run token -- --member <member id or e-mail> [--expires 8h]';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function memberIdOf(reference: string): Promise<string> {
  if (UUID.test(reference)) return reference;
  const directory = runningStack(dataDir())?.services?.find((s) => s.name === 'directory');
  if (!directory)
    throw new Error(
      'To look a member up by e-mail the local stack must be running (npm start); or pass the member id.',
    );
  const client = new InternalHttpClient({
    caller: 'token-cli',
    target: 'directory',
    baseUrl: directory.url,
    privateKey: loadOrCreateStackKeys(dataDir(), ['token-cli']).services['token-cli'].privateKey,
    timeoutMs: 5_000,
  });
  try {
    return (await client.get<{ memberId: string }>(`/internal/members?email=${encodeURIComponent(reference)}`))
      .memberId;
  } catch (error) {
    if (error instanceof InternalRejectedError && error.status === 404)
      throw new Error(`No member has the e-mail ${reference}.`, { cause: error });
    throw error;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { member: { type: 'string' }, expires: { type: 'string', default: '8h' } } });
  if (!values.member) {
    console.error(`--member is required\n${USAGE}`);
    return 2;
  }
  const issuer = await DevIssuer.loadOrCreate(join(dataDir(), 'dev-issuer'));
  const token = await issuer.issue({ subject: await memberIdOf(values.member), expiresIn: values.expires });
  console.log(token);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`token: ${error.message}`);
    process.exit(1);
  },
);
