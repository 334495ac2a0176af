import { Alert, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function NotAllowedPage() {
  const { t } = useTranslation();
  return (
    <>
      <Title order={1}>{t('notAllowed.title')}</Title>
      <Alert mt="md" color="orange">
        {t('notAllowed.body')}
      </Alert>
    </>
  );
}
