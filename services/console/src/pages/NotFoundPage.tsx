import { Anchor, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <Title order={1}>{t('notFound.title')}</Title>
      <Anchor component={Link} to="/agenda" mt="md" display="block">
        {t('notFound.back')}
      </Anchor>
    </>
  );
}
