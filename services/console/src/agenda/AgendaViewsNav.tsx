import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useWorkplace } from '../workplace/workplace';
import { BOOKING_ROLES, hasAnyRole } from './agenda-roles';

export const AGENDA_SETTINGS_PATH = '/agenda/horaires';
export const WAITLIST_PATH = '/agenda/liste-attente';

/**
 * The agenda's views — the week, its settings (ranges and motifs), the waitlist — as links: each is a page of its own
 * (an address to come back to), the current one marked for screen readers.
 */
export function AgendaViewsNav() {
  const { t } = useTranslation();
  const { roles } = useWorkplace();
  const { pathname } = useLocation();
  const views = [
    { path: '/agenda', label: t('agendaSettings.views.week') },
    { path: AGENDA_SETTINGS_PATH, label: t('agendaSettings.views.settings') },
    // Scheduling shows the waitlist to those who book (its `book` permission).
    ...(hasAnyRole(roles, BOOKING_ROLES) ? [{ path: WAITLIST_PATH, label: t('agendaSettings.views.waitlist') }] : []),
  ];
  return (
    <Group component="nav" aria-label={t('agendaSettings.views.label')} gap="xs">
      {views.map((view) => {
        const current = pathname === view.path;
        return (
          <Button
            key={view.path}
            component={Link}
            to={view.path}
            size="xs"
            variant={current ? 'filled' : 'default'}
            aria-current={current ? 'page' : undefined}
          >
            {view.label}
          </Button>
        );
      })}
    </Group>
  );
}
