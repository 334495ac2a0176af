import { AppShell, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { sectionsFor } from '../navigation/sections';
import { useWorkplace } from '../workplace/workplace';
import { WorkplacePicker } from './WorkplacePicker';

/** Header (pickers, who is signed in, sign-out), the role-aware navigation, and the page. */
export function ConsoleLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [navigationOpen, { toggle, close }] = useDisclosure(false);
  const { member, roles } = useWorkplace();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const name = `${member.firstName} ${member.lastName}`;

  return (
    <AppShell
      header={{ height: 72 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !navigationOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navigationOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Title order={2} size="h4">
              {t('app.name')}
            </Title>
          </Group>
          <WorkplacePicker />
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="md">
              {t('workplace.signedInAs', { name })}
            </Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              {t('auth.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        <Stack gap={4}>
          {sectionsFor(roles).map((section) => (
            <NavLink
              key={section.path}
              component={RouterLink}
              to={section.path}
              label={t(section.labelKey)}
              active={pathname.startsWith(section.path)}
              variant="filled"
              onClick={close}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
