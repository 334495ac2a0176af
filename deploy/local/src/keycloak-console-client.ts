import { CONSOLE_CLIENT_ID, CONSOLE_REDIRECT_PATH } from './console-sign-in';

interface KeycloakAdmin {
  /** Keycloak's base URL, e.g. http://127.0.0.1:8080. */
  url: string;
  realm: string;
  admin: { username: string; password: string };
}

/**
 * With `--keycloak`, the console signs in at Keycloak: the realm's `msp-console` client (public, code flow with PKCE
 * S256) is given the gateway's exact origins — its redirect URI, the origins its token requests come from (CORS) and
 * where Keycloak may send the browser after signing out. The gateway's port is only known once the stack is planned,
 * after Keycloak has imported the realm: hence the admin API rather than the realm file.
 */
export async function registerConsoleAtKeycloak(keycloak: KeycloakAdmin, gatewayUrl: string): Promise<void> {
  const gateway = new URL(gatewayUrl);
  const origins = [gateway.origin, `${gateway.protocol}//localhost:${gateway.port}`];
  const grant = await fetch(`${keycloak.url}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', ...keycloak.admin }),
  });
  if (!grant.ok) throw new Error(`Keycloak refused its administrator: ${grant.status} ${await grant.text()}`);
  const { access_token } = (await grant.json()) as { access_token: string };
  const api = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const response = await fetch(`${keycloak.url}/admin/realms/${keycloak.realm}${path}`, {
      method,
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`Keycloak ${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  const [client] = (await (await api('GET', `/clients?clientId=${CONSOLE_CLIENT_ID}`)).json()) as Array<{
    id: string;
    attributes?: Record<string, string>;
  }>;
  if (!client) throw new Error(`The realm ${keycloak.realm} has no client ${CONSOLE_CLIENT_ID} for the console`);
  await api('PUT', `/clients/${client.id}`, {
    ...client,
    redirectUris: origins.map((origin) => `${origin}${CONSOLE_REDIRECT_PATH}`),
    webOrigins: origins,
    attributes: { ...client.attributes, 'post.logout.redirect.uris': origins.map((o) => `${o}/`).join('##') },
  });
}
