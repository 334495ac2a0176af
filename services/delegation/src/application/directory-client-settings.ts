/** How delegation reaches the directory's internal API: its address and this service's signing key. */
export interface DirectoryClientSettings {
  directoryInternalUrl: string;
  servicePrivateKey: string;
}

export const DIRECTORY_CLIENT_SETTINGS = Symbol('DIRECTORY_CLIENT_SETTINGS');
