/** What the gateway tells the console at run time (`/console-config.json`): the issuer differs from stack to stack. */
export interface RuntimeConfig {
  /** The OpenID Connect issuer to sign in with; null when the gateway has none configured. */
  authority: string | null;
  clientId: string;
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/console-config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`/console-config.json: HTTP ${response.status}`);
  const body = (await response.json()) as Partial<RuntimeConfig>;
  return { authority: body.authority ?? null, clientId: body.clientId ?? 'msp-console' };
}
