import { useQuery } from '@apollo/client/react';
import { Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayAt } from '../common/zoned-time';
import { useWorkplace } from '../workplace/workplace';
import { AlertsSection } from './AlertsSection';
import { CataloguePanel, catalogueDraftOpen } from './CataloguePanel';
import { HistorySection } from './HistorySection';
import { ImportPanel } from './ImportPanel';
import {
  INDICATOR_ALERTS_QUERY,
  INDICATOR_CATALOGUE_QUERY,
  INDICATOR_SCORES_QUERY,
  STRUCTURE_MEMBERS_QUERY,
} from './indicators.queries';
import { addMonths, currentMonth, monthLabel, selectableMonths } from './periods';
import { ScoresSection } from './ScoresSection';
import { TimeFreedSection } from './TimeFreedSection';

const STRUCTURE = 'structure';

/**
 * The structure's (or one practitioner's) indicators: the medical time freed up front, alerts, progress against the
 * objectives with points and euros, history; CSV import and the catalogue's values to complete beside.
 */
export function IndicatorsPage() {
  const { membership } = useWorkplace();
  // Another structure starts afresh: its own practitioners to choose from, none of the previous one's.
  return <StructureIndicators key={membership.structure.id} />;
}

function StructureIndicators() {
  const { t } = useTranslation();
  const { membership, member, roles } = useWorkplace();
  const structure = membership.structure;
  const structureId = structure.id;
  const isAdministrator = roles.includes('administrator');
  const readsEveryone = isAdministrator || roles.includes('coordinator');
  const months = useMemo(() => selectableMonths(structure.timeZone), [structure.timeZone]);
  // The last whole month by default: the one statements come for, and the demo month of a fresh stack.
  const [month, setMonth] = useState(() => addMonths(currentMonth(structure.timeZone), -1));
  const [scope, setScope] = useState<string>(STRUCTURE);
  const [tab, setTab] = useState<string | null>(() => (catalogueDraftOpen() ? 'catalogue' : 'dashboard'));
  const practitionerId = scope === STRUCTURE ? null : scope;

  // Not cached: its members' `memberships` (roles only) would replace the signed-in member's own in the cache, which
  // the workplace reads with their structures and sites.
  const members = useQuery(STRUCTURE_MEMBERS_QUERY, { variables: { structureId }, fetchPolicy: 'no-cache' });
  const nameById = useMemo(() => {
    const names = new Map<string, string>();
    for (const m of members.data?.members ?? []) names.set(m.id, `${m.firstName} ${m.lastName}`);
    names.set(member.id, `${member.firstName} ${member.lastName}`);
    return names;
  }, [members.data, member]);
  const nameOf = useCallback(
    (id: string) => nameById.get(id) ?? t('indicators.timeFreed.unknownPractitioner', { id: id.slice(0, 8) }),
    [nameById, t],
  );
  const scopeOptions = useMemo(() => {
    const options = [{ value: STRUCTURE, label: t('indicators.wholeStructure') }];
    if (readsEveryone) {
      const practitioners = (members.data?.members ?? [])
        .filter((m) => m.memberships.some((ms) => ms.roles.includes('practitioner')))
        .map((m) => ({ value: m.id, label: `${m.firstName} ${m.lastName}` }))
        .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
      options.push(...practitioners);
    } else {
      options.push({ value: member.id, label: t('indicators.me', { name: `${member.firstName} ${member.lastName}` }) });
    }
    return options;
  }, [readsEveryone, members.data, member, t]);

  const scores = useQuery(INDICATOR_SCORES_QUERY, {
    variables: { structureId, period: month, practitionerId },
    notifyOnNetworkStatusChange: true,
  });
  const alerts = useQuery(INDICATOR_ALERTS_QUERY, {
    variables: { structureId, period: currentMonth(structure.timeZone), practitionerId },
  });
  const catalogue = useQuery(INDICATOR_CATALOGUE_QUERY, { variables: { structureId } });
  const directionOf = useCallback(
    (code: string, indicatorCode: string) =>
      catalogue.data?.indicatorCatalogue
        .filter((c) => c.code === code)
        .flatMap((c) => c.indicators)
        .find((i) => i.code === indicatorCode)?.direction ?? null,
    [catalogue.data],
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('indicators.title', { structure: structure.name })}
          </Title>
          <Text size="sm" c="gray.7">
            {t('indicators.timeZone', { zone: structure.timeZone })}
          </Text>
        </div>
        <Group align="flex-end">
          <Select
            label={t('indicators.period')}
            allowDeselect={false}
            data={months.map((m) => ({ value: m, label: monthLabel(m) }))}
            value={month}
            onChange={(next) => setMonth(next ?? month)}
            w={200}
          />
          <Select
            label={t('indicators.scope')}
            allowDeselect={false}
            data={scopeOptions}
            value={scope}
            onChange={(next) => setScope(next ?? STRUCTURE)}
            w={240}
          />
        </Group>
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List aria-label={t('indicators.tabsLabel')}>
          <Tabs.Tab value="dashboard">{t('indicators.tabs.dashboard')}</Tabs.Tab>
          {isAdministrator && <Tabs.Tab value="import">{t('indicators.tabs.import')}</Tabs.Tab>}
          <Tabs.Tab value="catalogue">{t('indicators.tabs.catalogue')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dashboard" pt="md">
          <Stack gap="md">
            <TimeFreedSection structureId={structureId} month={month} practitionerId={practitionerId} nameOf={nameOf} />
            <AlertsSection
              alerts={alerts.data?.indicatorAlerts}
              loading={alerts.loading}
              error={alerts.error}
              onRetry={() => void alerts.refetch()}
            />
            <ScoresSection
              month={month}
              scores={scores.data?.indicatorScores.scores}
              loading={scores.loading}
              error={scores.error}
              onRetry={() => void scores.refetch()}
              directionOf={directionOf}
            />
            <HistorySection structureId={structureId} month={month} practitionerId={practitionerId} />
          </Stack>
        </Tabs.Panel>
        {isAdministrator && (
          <Tabs.Panel value="import" pt="md">
            <ImportPanel structureId={structureId} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="catalogue" pt="md">
          <CataloguePanel structureId={structureId} canEdit={isAdministrator} today={todayAt(structure.timeZone)} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
