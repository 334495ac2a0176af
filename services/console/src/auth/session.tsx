import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { User, UserManager } from 'oidc-client-ts';

/** Where to come back to after signing in: the route the person was on. */
export interface SignInState {
  returnTo: string;
}

export interface Session {
  status: 'checking' | 'signed-in' | 'signed-out';
  /** True once this tab signed out (the sign-in page says so). */
  signedOutHere: boolean;
  /** The stored access token, read when a request leaves (stable across renders, like the actions below). */
  accessToken(): Promise<string | null>;
  /** Goes to the issuer; back on `returnTo` (default: the current route) once signed in. */
  signIn(returnTo?: string): Promise<void>;
  signOut(): Promise<void>;
  /** Finishes the sign-in on the callback route; answers the route to return to. */
  completeSignIn(): Promise<string>;
  /** The session was refused or ran out: back to the issuer, keeping the route (and any saved draft). */
  expire(): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Set while the browser is at the issuer's sign-out page. */
const SIGNED_OUT_KEY = 'msp.console.signedOut';

const currentRoute = () => `${window.location.pathname}${window.location.search}`;

export function SessionProvider({ userManager, children }: { userManager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(true);
  // Back from the issuer's sign-out page, the sign-in page still says the person signed out.
  const [signedOutHere, setSignedOutHere] = useState(() => window.sessionStorage.getItem(SIGNED_OUT_KEY) === 'true');
  // Several queries refused at once must send the browser to the issuer once.
  const leaving = useRef(false);

  useEffect(() => {
    let live = true;
    void userManager.getUser().then((stored) => {
      if (!live) return;
      setUser(stored && !stored.expired ? stored : null);
      setChecking(false);
    });
    const onExpired = () => {
      if (leaving.current) return;
      leaving.current = true;
      void userManager.signinRedirect({ state: { returnTo: currentRoute() } });
    };
    userManager.events.addAccessTokenExpired(onExpired);
    return () => {
      live = false;
      userManager.events.removeAccessTokenExpired(onExpired);
    };
  }, [userManager]);

  const signIn = useCallback(
    (returnTo: string = currentRoute()) => {
      window.sessionStorage.removeItem(SIGNED_OUT_KEY);
      return userManager.signinRedirect({ state: { returnTo } satisfies SignInState });
    },
    [userManager],
  );
  const signOut = useCallback(async () => {
    const signedIn = await userManager.getUser();
    await userManager.removeUser();
    // An issuer with a session of its own (Keycloak, Pro Santé Connect) ends it too, then sends the browser back here;
    // the development issuer keeps none: forgetting the tokens signs out.
    const endSession = await userManager.metadataService.getEndSessionEndpoint().catch(() => undefined);
    if (endSession && signedIn?.id_token) {
      window.sessionStorage.setItem(SIGNED_OUT_KEY, 'true');
      await userManager.signoutRedirect({ id_token_hint: signedIn.id_token });
      return;
    }
    setUser(null);
    setSignedOutHere(true);
  }, [userManager]);
  const completeSignIn = useCallback(async () => {
    const signedIn = await userManager.signinRedirectCallback();
    setUser(signedIn);
    const state = signedIn.state as SignInState | undefined;
    return state?.returnTo && /^\/(?!\/)/.test(state.returnTo) ? state.returnTo : '/agenda';
  }, [userManager]);
  const accessToken = useCallback(async () => (await userManager.getUser())?.access_token ?? null, [userManager]);
  const expire = useCallback(() => {
    if (leaving.current) return;
    leaving.current = true;
    const returnTo = currentRoute();
    void userManager.removeUser().then(() => userManager.signinRedirect({ state: { returnTo } }));
  }, [userManager]);

  const session = useMemo<Session>(
    () => ({
      status: checking ? 'checking' : user ? 'signed-in' : 'signed-out',
      signedOutHere,
      accessToken,
      signIn,
      signOut,
      completeSignIn,
      expire,
    }),
    [checking, user, signedOutHere, accessToken, signIn, signOut, completeSignIn, expire],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
