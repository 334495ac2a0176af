import { useQuery } from '@apollo/client/react';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkplace } from '../workplace/workplace';
import { practitionersOf } from './call-labels';
import { SITE_MEMBERS_QUERY } from './calls.queries';
import { CallJournal } from './CallJournal';
import { CallStatisticsView } from './CallStatisticsView';
import { RulesPanel } from './RulesPanel';

/** Who sees every call of the structure; a practitioner otherwise sees the calls about them (call-routing's rule). */
const DESK_ROLES = ['administrator', 'coordinator', 'secretary', 'medical_assistant'] as const;
const VIEWS = ['journal', 'rules', 'statistics'] as const;
type View = (typeof VIEWS)[number];

/** The virtual secretary: live journal with each decision's trace, the rules and the simulator, the statistics. */
export function CallsPage() {
  const { t } = useTranslation();
  const { member, membership, site, roles } = useWorkplace();
  const structureId = membership.structure.id;
  const [view, setView] = useState<View>('journal');
  const seesAllCalls = DESK_ROLES.some((role) => roles.includes(role));
  const ownCallsOf = seesAllCalls ? null : member.id;
  const members = useQuery(SITE_MEMBERS_QUERY, { variables: { structureId, siteId: site.id } });
  const siteMembers = useMemo(() => members.data?.members ?? [], [members.data]);
  const practitioners = useMemo(() => practitionersOf(siteMembers), [siteMembers]);

  return (
    <Stack gap="sm" className="calls-page">
      <div>
        <Title order={1} size="h2">
          {t('calls.title', { site: site.name })}
        </Title>
        <Text size="sm" c="gray.7">
          {t('calls.subtitle', { zone: site.timeZone })}
        </Text>
      </div>
      <Tabs value={view} onChange={(value) => setView((value as View | null) ?? 'journal')} keepMounted={false}>
        <Tabs.List aria-label={t('calls.tabs.label')}>
          {VIEWS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`calls.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="journal" pt="md">
          <CallJournal structureId={structureId} site={site} practitionerId={ownCallsOf} members={siteMembers} />
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          <RulesPanel
            key={site.id}
            structureId={structureId}
            site={site}
            memberId={member.id}
            mayWriteSite={roles.includes('administrator') || roles.includes('coordinator')}
            isPractitioner={roles.includes('practitioner')}
            isAdministrator={roles.includes('administrator')}
            practitioners={practitioners}
            members={siteMembers}
          />
        </Tabs.Panel>
        <Tabs.Panel value="statistics" pt="md">
          <CallStatisticsView structureId={structureId} site={site} practitionerId={ownCallsOf} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
