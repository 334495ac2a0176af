import { useQuery } from '@apollo/client/react';
import { Select, Stack, Table, Text, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorState } from '../../common/ErrorState';
import { LoadingState } from '../../common/LoadingState';
import { describeError } from '../../graphql/error-message';
import { useWorkplace } from '../../workplace/workplace';
import { TEAM_QUERY, TIME_FREED_QUERY } from '../tasks.queries';

/** Delegation counts weeks in Paris time (DEL-6), whatever the site's zone. */
const REVIEW_ZONE = 'Europe/Paris';
const WEEKS = 8;
const ALL = 'all';

const isoWeek = (date: DateTime) => date.toFormat("kkkk-'W'WW");

/** The medical time freed per ISO week (completed delegated tasks × standard minutes), charted and in a table. */
export function TimeFreedPanel() {
  const { t } = useTranslation();
  const { membership, member, roles } = useWorkplace();
  const structureId = membership.structure.id;
  const [physician, setPhysician] = useState<string>(() => (roles.includes('practitioner') ? member.id : ALL));
  const [range] = useState(() => {
    const now = DateTime.now().setZone(REVIEW_ZONE);
    return { fromWeek: isoWeek(now.minus({ weeks: WEEKS - 1 })), toWeek: isoWeek(now) };
  });
  const freed = useQuery(TIME_FREED_QUERY, {
    variables: { structureId, ...range, physicianId: physician === ALL ? null : physician },
  });
  const team = useQuery(TEAM_QUERY, { variables: { structureId } });
  const everyone = useQuery(TIME_FREED_QUERY, { variables: { structureId, ...range, physicianId: null } });

  const names = useMemo(
    () => new Map((team.data?.members ?? []).map((m) => [m.id, `${m.firstName} ${m.lastName}`])),
    [team.data],
  );
  // The physicians work was delegated for, over the period, and oneself when a physician.
  const physicians = useMemo(() => {
    const ids = new Set((everyone.data?.delegatedTimeFreed ?? []).map((w) => w.physicianId).filter(Boolean));
    if (roles.includes('practitioner')) ids.add(member.id);
    return [...ids]
      .map((id) => ({ value: id as string, label: names.get(id as string) ?? (id as string) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  }, [everyone.data, names, roles, member.id]);

  const weeks = useMemo(() => {
    const totals = new Map<string, { minutes: number; tasks: number }>();
    let week = DateTime.fromISO(range.fromWeek, { zone: REVIEW_ZONE });
    for (let i = 0; i < WEEKS; i++, week = week.plus({ weeks: 1 })) totals.set(isoWeek(week), { minutes: 0, tasks: 0 });
    for (const row of freed.data?.delegatedTimeFreed ?? []) {
      const total = totals.get(row.isoWeek) ?? { minutes: 0, tasks: 0 };
      totals.set(row.isoWeek, { minutes: total.minutes + row.minutes, tasks: total.tasks + row.tasks });
    }
    return [...totals.entries()].map(([isoWeekCode, total]) => ({
      isoWeek: isoWeekCode,
      label: isoWeekCode.slice(5),
      ...total,
    }));
  }, [freed.data, range.fromWeek]);
  const total = weeks.reduce((sum, w) => ({ minutes: sum.minutes + w.minutes, tasks: sum.tasks + w.tasks }), {
    minutes: 0,
    tasks: 0,
  });
  const hours = (minutes: number) =>
    t('tasks.timeFreed.hoursValue', { hours: (minutes / 60).toFixed(1).replace('.', ',') });

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('tasks.timeFreed.heading')}
      </Title>
      <Text size="sm" c="gray.8">
        {t('tasks.timeFreed.intro', { weeks: WEEKS })}
      </Text>
      <Select
        label={t('tasks.timeFreed.physician')}
        allowDeselect={false}
        data={[{ value: ALL, label: t('tasks.timeFreed.allPhysicians') }, ...physicians]}
        value={physician}
        onChange={(value) => setPhysician(value ?? ALL)}
        style={{ maxWidth: 320 }}
      />
      {freed.error && (
        <ErrorState
          message={t('tasks.timeFreed.loadFailed', { message: describeError(freed.error, t) })}
          onRetry={() => void freed.refetch()}
        />
      )}
      {freed.loading && <LoadingState label={t('tasks.timeFreed.loading')} />}
      {freed.data && (
        <>
          {!total.tasks && <Text>{t('tasks.timeFreed.empty')}</Text>}
          <div role="img" aria-label={t('tasks.timeFreed.chartLabel')} style={{ width: '100%', height: 280 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={weeks} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" tick={{ fill: '#343a40' }} />
                <YAxis allowDecimals={false} tick={{ fill: '#343a40' }} />
                <Tooltip formatter={(value) => [`${String(value)} min`, t('tasks.timeFreed.minutes')]} />
                <Bar dataKey="minutes" name={t('tasks.timeFreed.minutes')} fill="#1864ab" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Table striped withTableBorder aria-label={t('tasks.timeFreed.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tasks.timeFreed.week')}</Table.Th>
                <Table.Th>{t('tasks.timeFreed.tasks')}</Table.Th>
                <Table.Th>{t('tasks.timeFreed.minutes')}</Table.Th>
                <Table.Th>{t('tasks.timeFreed.hours')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weeks.map((week) => (
                <Table.Tr key={week.isoWeek}>
                  <Table.Td>{week.isoWeek}</Table.Td>
                  <Table.Td>{week.tasks}</Table.Td>
                  <Table.Td>{week.minutes}</Table.Td>
                  <Table.Td>{hours(week.minutes)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('tasks.timeFreed.total')}</Table.Th>
                <Table.Th>{total.tasks}</Table.Th>
                <Table.Th>{total.minutes}</Table.Th>
                <Table.Th>{hours(total.minutes)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </>
      )}
    </Stack>
  );
}
