import { InternalHttpClient } from '@msp/messaging';
import type { InternalClientSettings } from '../../application/internal-client-settings';

/** The services coordination asks synchronously, each at the base URL its settings give. */
const BASE_URL_OF = {
  directory: (settings: InternalClientSettings) => settings.directoryInternalUrl,
  scheduling: (settings: InternalClientSettings) => settings.schedulingInternalUrl,
} as const;

/** Coordination calling `target`'s internal API, signed with coordination's own key, with this patience. */
export function coordinationClient(
  settings: InternalClientSettings,
  target: keyof typeof BASE_URL_OF,
  timeoutMs: number,
): InternalHttpClient {
  return new InternalHttpClient({
    caller: 'coordination',
    target,
    baseUrl: BASE_URL_OF[target](settings),
    privateKey: settings.servicePrivateKey,
    timeoutMs,
  });
}
