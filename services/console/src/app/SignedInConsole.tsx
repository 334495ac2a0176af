import { useQuery } from '@apollo/client/react';
import { Center } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { describeError } from '../graphql/error-message';
import { ConsoleLayout } from '../layout/ConsoleLayout';
import { SECTIONS, SUBPAGES, type Subpage } from '../navigation/sections';
import { NotAllowedPage } from '../pages/NotAllowedPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ME_QUERY } from '../workplace/me.query';
import { useOptionalWorkplace, useWorkplace, WorkplaceProvider } from '../workplace/workplace';

function SectionPage({ section }: { section: Subpage }) {
  const { t } = useTranslation();
  const { roles } = useWorkplace();
  if (!section.roles.some((role) => roles.includes(role))) return <NotAllowedPage />;
  return (
    <Suspense fallback={<LoadingState label={t('app.loading')} />}>
      <section.page />
    </Suspense>
  );
}

function ConsoleRoutes() {
  const { t } = useTranslation();
  const workplace = useOptionalWorkplace();
  if (!workplace)
    return (
      <Center mih="100vh" component="main" p="md">
        <ErrorState message={t('workplace.noMembership')} />
      </Center>
    );
  return (
    <ConsoleLayout>
      <Routes>
        <Route path="/" element={<Navigate to="/agenda" replace />} />
        {[...SECTIONS, ...SUBPAGES].map((section) => (
          <Route key={section.path} path={section.path} element={<SectionPage section={section} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConsoleLayout>
  );
}

/** Everything behind the sign-in: who the member is, where they work, and the pages. */
export function SignedInConsole() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(ME_QUERY);
  if (loading && !data) return <LoadingState label={t('app.loading')} />;
  if (error || !data)
    return (
      <Center mih="100vh" component="main" p="md">
        <ErrorState
          message={t('workplace.loadFailed', { message: describeError(error, t) })}
          onRetry={() => void refetch()}
        />
      </Center>
    );
  return (
    <WorkplaceProvider member={data.me}>
      <ConsoleRoutes />
    </WorkplaceProvider>
  );
}
