import type { DevAccount, DevSignedInMember, DevSignInOptions } from '@msp/auth';
import { InternalHttpClient, InternalRejectedError } from '@msp/messaging';

/** The console's client id at the development issuer (the gateway hands it to the console with the issuer's URL). */
export const CONSOLE_CLIENT_ID = 'msp-console';
/** Where the issuer sends the browser back with its code: the console's route that finishes the sign-in. */
export const CONSOLE_REDIRECT_PATH = '/connexion/retour';

/** The demo directory's members the development sign-in page offers (any other e-mail may be typed). */
export const DEMO_ACCOUNTS: readonly DevAccount[] = [
  { login: 'secretariat@msp-lices.demo', description: 'Secrétariat — MSP des Lices' },
  { login: 'dr.le-gall@msp-lices.demo', description: 'Dr Yann Le Gall, médecin généraliste — MSP des Lices' },
  { login: 'manon.daniel@msp-lices.demo', description: 'Manon Daniel, assistante médicale — MSP des Lices' },
  { login: 'coordination@msp-lices.demo', description: 'Coordination — MSP des Lices' },
  { login: 'admin@msp-lices.demo', description: 'Administration — MSP des Lices' },
  { login: 'coordination@cpts-broceliande.demo', description: 'Coordination — CPTS du Pays de Brocéliande' },
  { login: 'admin@msp-paimpont.demo', description: 'Administration — MSP de la Forêt de Paimpont' },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ConsoleSignInSettings {
  /** The gateway's URL, which serves the console. */
  gatewayUrl: string;
  directoryUrl: string;
  /** The key of the development caller `token-cli`, whom the directory answers e-mail look-ups. */
  lookupPrivateKey: string;
  demoData: boolean;
}

/**
 * The development issuer's sign-in for the console: the demo members listed (with demo data), a login found through the
 * directory's development route (`GET /internal/members?email=`, as `npm run token` does), and the console's redirect
 * URI on the gateway, under 127.0.0.1 and localhost alike.
 */
export function consoleSignIn(settings: ConsoleSignInSettings): DevSignInOptions {
  const gateway = new URL(settings.gatewayUrl);
  const client = new InternalHttpClient({
    caller: 'token-cli',
    target: 'directory',
    baseUrl: settings.directoryUrl,
    privateKey: settings.lookupPrivateKey,
    timeoutMs: 5_000,
  });
  const findMember = async (login: string): Promise<DevSignedInMember | undefined> => {
    if (UUID.test(login)) return { subject: login };
    try {
      const { memberId } = await client.get<{ memberId: string }>(
        `/internal/members?email=${encodeURIComponent(login)}`,
      );
      return { subject: memberId, email: login };
    } catch (error) {
      if (error instanceof InternalRejectedError && [400, 404].includes(error.status)) return undefined;
      throw error;
    }
  };
  return {
    clients: [
      {
        clientId: CONSOLE_CLIENT_ID,
        redirectUris: [
          `${gateway.origin}${CONSOLE_REDIRECT_PATH}`,
          `${gateway.protocol}//localhost:${gateway.port}${CONSOLE_REDIRECT_PATH}`,
        ],
      },
    ],
    accounts: settings.demoData ? DEMO_ACCOUNTS : [],
    findMember,
  };
}
