import { useQuery } from '@apollo/client/react';
import { Button, Checkbox, Group, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../common/ErrorState';
import { LoadingState } from '../../common/LoadingState';
import { frenchDate, todayAt } from '../../common/zoned-time';
import { describeError } from '../../graphql/error-message';
import { useWorkplace } from '../../workplace/workplace';
import { mayManageRangesOf } from '../agenda-roles';
import {
  MOTIF_DETAILS_QUERY,
  OPENING_RANGES_QUERY,
  type OpeningRange,
  type OpeningRangeChange,
  STRUCTURE_MEMBERS_QUERY,
} from './agenda-settings.queries';
import { EndRangeDialog } from './EndRangeDialog';
import { OutsideAppointments } from './OutsideAppointments';
import { memberName, practitionersIn } from './practitioners';
import { RangeDialog } from './RangeDialog';
import { daysLabel, hoursLabel, rangeLabel, snpLabel, validityLabel } from './range-labels';
import { byWeekAndTime, isCurrentOrFuture } from './range-format';
import { type Notice, NoticeAlert } from '../../common/NoticeAlert';

type Dialog = { kind: 'new' } | { kind: 'edit'; range: OpeningRange } | { kind: 'end'; range: OpeningRange } | null;

/**
 * One practitioner's opening ranges at the selected site (and, for the multi-site day, where else they work), with
 * the changes scheduling allows: a new range, an edit or an end from a date. The appointments a change leaves outside
 * the ranges are listed below it, to keep, move or cancel one by one.
 */
export function OpeningRangesPanel() {
  const { t } = useTranslation();
  const { member, membership, site, roles } = useWorkplace();
  const structureId = membership.structure.id;
  const today = todayAt(site.timeZone);
  const [params, setParams] = useSearchParams();
  const [showEnded, setShowEnded] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const members = useQuery(STRUCTURE_MEMBERS_QUERY, { variables: { structureId, siteId: site.id } });
  const practitioners = useMemo(
    () => practitionersIn(members.data?.members ?? [], structureId),
    [members.data, structureId],
  );
  const asked = params.get('praticien');
  const practitionerId =
    practitioners.find((p) => p.id === asked)?.id ?? practitioners.find((p) => p.id === member.id)?.id ?? null;
  const practitioner = practitioners.find((p) => p.id === practitionerId) ?? null;
  const choosePractitioner = (id: string | null) => {
    setNotice(null);
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id) next.set('praticien', id);
        else next.delete('praticien');
        return next;
      },
      { replace: true },
    );
  };

  const ranges = useQuery(OPENING_RANGES_QUERY, {
    variables: { structureId, practitionerId: practitionerId ?? '' },
    skip: !practitionerId,
    fetchPolicy: 'cache-and-network',
  });
  const motifs = useQuery(MOTIF_DETAILS_QUERY, { variables: { structureId, includeArchived: true } });
  const motifLabel = (id: string) => motifs.data?.motifs.find((m) => m.id === id)?.label ?? '—';
  const all = ranges.data?.openingRanges ?? [];
  const here = all
    .filter((r) => r.siteId === site.id && (showEnded || isCurrentOrFuture(r, today)))
    .sort(byWeekAndTime);
  const elsewhere = all.filter((r) => r.siteId !== site.id && isCurrentOrFuture(r, today)).sort(byWeekAndTime);
  const siteName = (id: string) => membership.structure.sites.find((s) => s.id === id)?.name ?? '—';
  const mayManage = practitionerId ? mayManageRangesOf(roles, member.id, practitionerId) : false;

  const onChanged = (kind: 'edit' | 'end', change: OpeningRangeChange, from: string) => {
    setDialog(null);
    const what = change.replacement ?? change.range;
    const done =
      kind === 'edit'
        ? t('agendaSettings.ranges.edited', { from: frenchDate(from), what: what ? rangeLabel(what, t) : '' })
        : change.range?.validUntil
          ? t('agendaSettings.ranges.endedFrom', { until: frenchDate(change.range.validUntil) })
          : t('agendaSettings.ranges.withdrawn');
    const outside = change.outsideAppointments.length
      ? ` ${t('agendaSettings.ranges.outsideCount', { count: change.outsideAppointments.length })}`
      : '';
    setNotice({ tone: 'green', text: done + outside });
  };

  if (members.loading && !members.data) return <LoadingState label={t('agendaSettings.membersLoading')} />;
  if (members.error)
    return (
      <ErrorState
        message={t('agendaSettings.membersFailed', { message: describeError(members.error, t) })}
        onRetry={() => void members.refetch()}
      />
    );
  if (!practitioners.length) return <Text>{t('agendaSettings.noPractitioner')}</Text>;

  return (
    <Stack gap="sm">
      <Group align="flex-end" justify="space-between">
        <Select
          label={t('agendaSettings.practitioner')}
          placeholder={t('agendaSettings.choose')}
          searchable
          data={practitioners.map((p) => ({ value: p.id, label: memberName(p) }))}
          value={practitionerId}
          onChange={choosePractitioner}
          w={{ base: '100%', xs: 320 }}
        />
        <Checkbox
          label={t('agendaSettings.ranges.showEnded')}
          checked={showEnded}
          onChange={(event) => setShowEnded(event.currentTarget.checked)}
        />
      </Group>
      <NoticeAlert notice={notice} onClose={() => setNotice(null)} />
      {!practitioner && <Text>{t('agendaSettings.ranges.choosePractitioner')}</Text>}
      {practitioner && (
        <>
          <Group justify="space-between" align="center">
            <Title order={2} size="h4">
              {t('agendaSettings.ranges.heading', { name: memberName(practitioner), site: site.name })}
            </Title>
            {mayManage && <Button onClick={() => setDialog({ kind: 'new' })}>{t('agendaSettings.ranges.add')}</Button>}
          </Group>
          {!mayManage && (
            <Text size="sm" c="gray.7">
              {t('agendaSettings.ranges.readOnly')}
            </Text>
          )}
          {ranges.error && (
            <ErrorState
              message={t('agendaSettings.ranges.failed', { message: describeError(ranges.error, t) })}
              onRetry={() => void ranges.refetch()}
            />
          )}
          {ranges.loading && !ranges.data && <LoadingState label={t('agendaSettings.ranges.loading')} />}
          {ranges.data && !here.length && <Text>{t('agendaSettings.ranges.none')}</Text>}
          {here.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table striped withTableBorder aria-label={t('agendaSettings.ranges.listLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('agendaSettings.ranges.columns.days')}</Table.Th>
                    <Table.Th>{t('agendaSettings.ranges.columns.hours')}</Table.Th>
                    <Table.Th>{t('agendaSettings.ranges.columns.validity')}</Table.Th>
                    <Table.Th>{t('agendaSettings.ranges.columns.motifs')}</Table.Th>
                    <Table.Th>{t('agendaSettings.ranges.columns.snp')}</Table.Th>
                    {mayManage && <Table.Th>{t('agendaSettings.ranges.columns.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {here.map((range) => {
                    const what = rangeLabel(range, t);
                    const current = isCurrentOrFuture(range, today);
                    return (
                      <Table.Tr key={range.id}>
                        <Table.Td>{daysLabel(range, t)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{hoursLabel(range, t)}</Table.Td>
                        <Table.Td>{validityLabel(range, today, t)}</Table.Td>
                        <Table.Td>
                          {range.motifIds.length
                            ? range.motifIds.map(motifLabel).join(', ')
                            : t('agendaSettings.ranges.allMotifs')}
                        </Table.Td>
                        <Table.Td>{snpLabel(range, t)}</Table.Td>
                        {mayManage && (
                          <Table.Td>
                            {current && (
                              <Group gap={6} wrap="nowrap">
                                <Button
                                  size="xs"
                                  variant="default"
                                  aria-label={t('agendaSettings.ranges.editLabel', { what })}
                                  onClick={() => setDialog({ kind: 'edit', range })}
                                >
                                  {t('agendaSettings.ranges.edit')}
                                </Button>
                                <Button
                                  size="xs"
                                  variant="outline"
                                  color="red.9"
                                  aria-label={t('agendaSettings.ranges.endLabel', { what })}
                                  onClick={() => setDialog({ kind: 'end', range })}
                                >
                                  {t('agendaSettings.ranges.end')}
                                </Button>
                              </Group>
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {elsewhere.length > 0 && (
            <div>
              <Text fw={600} size="sm">
                {t('agendaSettings.ranges.otherSites')}
              </Text>
              <List size="sm">
                {elsewhere.map((range) => (
                  <List.Item key={range.id}>
                    {t('agendaSettings.ranges.otherSite', { site: siteName(range.siteId), what: rangeLabel(range, t) })}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          <OutsideAppointments
            structureId={structureId}
            practitionerId={practitioner.id}
            site={site}
            motifLabel={motifLabel}
            onDecided={(text) => setNotice({ tone: 'green', text })}
          />
        </>
      )}
      {dialog?.kind === 'new' && practitioner && (
        <RangeDialog
          mode={{ kind: 'new' }}
          structureId={structureId}
          practitioner={practitioner}
          site={site}
          onClose={() => setDialog(null)}
          onDefined={(range) => {
            setDialog(null);
            setNotice({ tone: 'green', text: t('agendaSettings.ranges.defined', { what: rangeLabel(range, t) }) });
          }}
          onEdited={() => undefined}
        />
      )}
      {dialog?.kind === 'edit' && practitioner && (
        <RangeDialog
          mode={{ kind: 'edit', range: dialog.range }}
          structureId={structureId}
          practitioner={practitioner}
          site={site}
          onClose={() => setDialog(null)}
          onDefined={() => undefined}
          onEdited={(change, from) => onChanged('edit', change, from)}
          onStale={() => {
            setDialog(null);
            setNotice({ tone: 'red', text: t('agendaSettings.ranges.stale') });
            void ranges.refetch();
          }}
        />
      )}
      {dialog?.kind === 'end' && (
        <EndRangeDialog
          range={dialog.range}
          timeZone={site.timeZone}
          onClose={() => setDialog(null)}
          onEnded={(change, from) => onChanged('end', change, from)}
          onStale={() => {
            setDialog(null);
            setNotice({ tone: 'red', text: t('agendaSettings.ranges.stale') });
            void ranges.refetch();
          }}
        />
      )}
    </Stack>
  );
}
