import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Center } from '@mantine/core';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { useSession } from './session';

/** The redirect URI: exchanges the code (with the PKCE verifier) and returns to the route the sign-in started from. */
export function SignInCallbackPage() {
  const { t } = useTranslation();
  const { completeSignIn, signIn } = useSession();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // A code is good once: React's development double effect must not exchange it twice.
    if (started.current) return;
    started.current = true;
    completeSignIn().then(
      (returnTo) => navigate(returnTo, { replace: true }),
      (error: Error) => setFailure(error.message),
    );
  }, [completeSignIn, navigate]);

  return (
    <Center mih="100vh" component="main" p="md">
      {failure ? (
        <ErrorState message={t('auth.callbackFailed', { message: failure })} onRetry={() => void signIn('/agenda')} />
      ) : (
        <LoadingState label={t('auth.completing')} />
      )}
    </Center>
  );
}
