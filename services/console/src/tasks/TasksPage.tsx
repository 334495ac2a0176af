import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkplace } from '../workplace/workplace';
import { TaskBoard } from './board/TaskBoard';
import { ProtocolsPanel } from './protocols/ProtocolsPanel';
import { TimeFreedPanel } from './time-freed/TimeFreedPanel';

type Tab = 'board' | 'protocols' | 'time-freed';

/** Delegated work (issue 15, DEL-1 to DEL-6): the board, the protocols it is done under, the medical time freed. */
export function TasksPage() {
  const { t } = useTranslation();
  const { membership } = useWorkplace();
  const [tab, setTab] = useState<Tab>('board');
  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        {t('tasks.title', { structure: membership.structure.name })}
      </Title>
      <Tabs value={tab} onChange={(value) => setTab((value ?? 'board') as Tab)} keepMounted={false}>
        <Tabs.List aria-label={t('tasks.tabs.label')}>
          <Tabs.Tab value="board">{t('tasks.tabs.board')}</Tabs.Tab>
          <Tabs.Tab value="protocols">{t('tasks.tabs.protocols')}</Tabs.Tab>
          <Tabs.Tab value="time-freed">{t('tasks.tabs.timeFreed')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="board" pt="sm">
          <TaskBoard />
        </Tabs.Panel>
        <Tabs.Panel value="protocols" pt="sm">
          <ProtocolsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="time-freed" pt="sm">
          <TimeFreedPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
