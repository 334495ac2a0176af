import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from './session';

/** Shown to a visitor without a session: one button to the issuer, back on the same route afterwards. */
export function SignInPage({ signedOut = false }: { signedOut?: boolean }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" maw={420}>
        <Stack>
          <Title order={1} size="h2">
            {t('auth.signInTitle')}
          </Title>
          {signedOut && <Text role="status">{t('auth.signedOut')}</Text>}
          <Text>{t('auth.signInIntro')}</Text>
          <Button onClick={() => void signIn(signedOut ? '/agenda' : undefined)}>{t('auth.signIn')}</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
