import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

/** The console's route that finishes the sign-in (the redirect URI registered at the issuer). */
export const SIGN_IN_CALLBACK_PATH = '/connexion/retour';

/**
 * The authorization-code flow with PKCE (S256), as a public client: no secret, no silent renewal in an iframe. The
 * session lives in this tab's sessionStorage, gone when the tab closes.
 */
export function createUserManager(authority: string, clientId: string): UserManager {
  const store = new WebStorageStateStore({ store: window.sessionStorage });
  return new UserManager({
    authority,
    client_id: clientId,
    redirect_uri: `${window.location.origin}${SIGN_IN_CALLBACK_PATH}`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    scope: 'openid email',
    userStore: store,
    stateStore: store,
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
  });
}
