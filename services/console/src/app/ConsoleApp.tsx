import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { useSession, SessionProvider } from '../auth/session';
import { SignInCallbackPage } from '../auth/SignInCallbackPage';
import { SignInPage } from '../auth/SignInPage';
import { SIGN_IN_CALLBACK_PATH, createUserManager } from '../auth/user-manager';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import type { RuntimeConfig } from '../config/runtime-config';
import { createApolloClient } from '../graphql/apollo-client';
import { consoleTheme } from './theme';
import { SignedInConsole } from './SignedInConsole';

/** The patients' page: its own bundle, no session, no GraphQL. */
const PublicBookingPage = lazy(() =>
  import('../public-booking/PublicBookingPage').then((module) => ({ default: module.PublicBookingPage })),
);

/** Routes open to anyone, outside the sign-in: the practice's public online-booking page. */
const PUBLIC_BOOKING_PATH = '/rdv/:structureId';

/** The GraphQL client follows the session: its token at each request, back to sign-in when the gateway refuses it. */
function SessionGate() {
  const { t } = useTranslation();
  const session = useSession();
  const { accessToken, expire } = session;
  // One client per session provider: both callbacks are stable, read when a request leaves.
  const client = useMemo(() => createApolloClient({ accessToken, onUnauthenticated: expire }), [accessToken, expire]);
  if (session.status === 'checking') return <LoadingState label={t('app.loading')} />;
  return (
    <Routes>
      <Route path={SIGN_IN_CALLBACK_PATH} element={<SignInCallbackPage />} />
      <Route
        path="*"
        element={
          session.status === 'signed-in' ? (
            <ApolloProvider client={client}>
              <SignedInConsole />
            </ApolloProvider>
          ) : (
            <SignInPage signedOut={session.signedOutHere} />
          )
        }
      />
    </Routes>
  );
}

export function ConsoleApp({ config }: { config: RuntimeConfig }) {
  const { t } = useTranslation();
  const theme = useMemo(() => consoleTheme(t('app.close')), [t]);
  const userManager = useMemo(
    () => (config.authority ? createUserManager(config.authority, config.clientId) : null),
    [config],
  );
  return (
    <MantineProvider theme={theme}>
      <BrowserRouter>
        <Routes>
          <Route
            path={PUBLIC_BOOKING_PATH}
            element={
              <Suspense fallback={<LoadingState label={t('app.loading')} />}>
                <PublicBookingPage />
              </Suspense>
            }
          />
          <Route
            path="*"
            element={
              userManager ? (
                <SessionProvider userManager={userManager}>
                  <SessionGate />
                </SessionProvider>
              ) : (
                <ErrorState message={t('app.notConfigured')} />
              )
            }
          />
        </Routes>
      </BrowserRouter>
    </MantineProvider>
  );
}
