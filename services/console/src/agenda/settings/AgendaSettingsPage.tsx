import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useWorkplace } from '../../workplace/workplace';
import { AgendaViewsNav } from '../AgendaViewsNav';
import { MotifsPanel } from './MotifsPanel';
import { OpeningRangesPanel } from './OpeningRangesPanel';

type Tab = 'plages' | 'motifs';

/**
 * "Horaires et motifs": each practitioner's opening ranges at the selected site, changed from a date on with the
 * appointments a change leaves outside them to decide, and the structure's motifs. The tab is in the address
 * (`?onglet=motifs`), so a reload or a sign-in comes back to it.
 */
export function AgendaSettingsPage() {
  const { t } = useTranslation();
  const { site } = useWorkplace();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('onglet') === 'motifs' ? 'motifs' : 'plages';
  return (
    <Stack gap="sm">
      <AgendaViewsNav />
      <div>
        <Title order={1} size="h2">
          {t('agendaSettings.title', { site: site.name })}
        </Title>
        <Text size="sm" c="gray.7">
          {t('agendaSettings.subtitle', { zone: site.timeZone })}
        </Text>
      </div>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value === 'motifs' ? { onglet: 'motifs' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('agendaSettings.tabs.label')}>
          <Tabs.Tab value="plages">{t('agendaSettings.tabs.ranges')}</Tabs.Tab>
          <Tabs.Tab value="motifs">{t('agendaSettings.tabs.motifs')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plages" pt="md">
          <OpeningRangesPanel key={site.id} />
        </Tabs.Panel>
        <Tabs.Panel value="motifs" pt="md">
          <MotifsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
