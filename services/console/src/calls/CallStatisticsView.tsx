import { useQuery } from '@apollo/client/react';
import { Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { describeError } from '../graphql/error-message';
import type { SiteSummary } from '../workplace/me.query';
import { CALL_STATISTICS_QUERY, type CallStatistics } from './calls.queries';

type Period = 'last7' | 'last30' | 'previousMonth' | 'currentMonth';
const PERIODS: readonly Period[] = ['last30', 'last7', 'previousMonth', 'currentMonth'];

/** Colours with at least 4.5:1 against white (bars carry no text, but their legend does). */
const BLUE = '#1c5fa8';
const GREEN = '#2b7a3d';
const GREY = '#6b6f76';
const ORANGE = '#b4540a';

/** The period's bounds as instants, its days counted in the site's zone. */
function rangeOf(period: Period, timeZone: string): { from: string; to: string } {
  const now = DateTime.now().setZone(timeZone);
  const iso = (d: DateTime) => d.toUTC().toISO() as string;
  switch (period) {
    case 'last7':
      return { from: iso(now.startOf('day').minus({ days: 6 })), to: iso(now) };
    case 'last30':
      return { from: iso(now.startOf('day').minus({ days: 29 })), to: iso(now) };
    case 'previousMonth': {
      const first = now.startOf('month').minus({ months: 1 });
      return { from: iso(first), to: iso(first.plus({ months: 1 })) };
    }
    case 'currentMonth':
      return { from: iso(now.startOf('month')), to: iso(now) };
  }
}

interface Props {
  structureId: string;
  site: SiteSummary;
  practitionerId: string | null;
}

/** Calls per hour and per day, the share handled without a human, the interruptions avoided: charts and figures. */
export function CallStatisticsView({ structureId, site, practitionerId }: Props) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>('last30');
  const range = useMemo(() => rangeOf(period, site.timeZone), [period, site.timeZone]);
  const stats = useQuery(CALL_STATISTICS_QUERY, {
    variables: { input: { structureId, siteId: site.id, practitionerId, ...range } },
  });
  const data = stats.data?.callStatistics;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <div>
          <Title order={2} size="h3">
            {t('calls.statistics.heading')}
          </Title>
          {practitionerId && (
            <Text size="sm" c="gray.7">
              {t('calls.statistics.mine')}
            </Text>
          )}
        </div>
        <Select
          label={t('calls.statistics.period')}
          allowDeselect={false}
          data={PERIODS.map((value) => ({ value, label: t(`calls.statistics.periods.${value}`) }))}
          value={period}
          onChange={(value) => setPeriod((value as Period | null) ?? 'last30')}
          maw={280}
        />
      </SimpleGrid>
      {stats.error && (
        <ErrorState
          message={t('calls.statistics.loadFailed', { message: describeError(stats.error, t) })}
          onRetry={() => void stats.refetch()}
        />
      )}
      {stats.loading && <LoadingState label={t('calls.statistics.loading')} />}
      {data && !stats.loading && data.calls === 0 && <Text>{t('calls.statistics.empty')}</Text>}
      {data && !stats.loading && data.calls > 0 && <StatisticsBody stats={data} />}
    </Stack>
  );
}

function StatisticsBody({ stats }: { stats: CallStatistics }) {
  const { t } = useTranslation();
  const percent = (share: number) => t('calls.statistics.share', { share: Math.round(share * 100) });
  const perHour = useMemo(() => {
    const byHour = new Map<number, number>();
    for (const cell of stats.perHour) byHour.set(cell.hour, (byHour.get(cell.hour) ?? 0) + cell.calls);
    const hours = [...byHour.keys()];
    if (!hours.length) return [];
    const first = Math.min(...hours);
    const last = Math.max(...hours);
    return Array.from({ length: last - first + 1 }, (_, i) => ({
      hour: t('calls.statistics.hourLabel', { hour: first + i }),
      calls: byHour.get(first + i) ?? 0,
    }));
  }, [stats.perHour, t]);
  const perDay = useMemo(
    () =>
      stats.perDay.map((d) => ({
        day: DateTime.fromISO(d.day).setLocale('fr').toFormat('ccc d LLL'),
        calls: d.calls,
        handled: d.handledWithoutHuman,
      })),
    [stats.perDay],
  );
  const share = [
    { name: t('calls.statistics.handled'), value: stats.handledWithoutHuman, colour: GREEN },
    { name: t('calls.statistics.others'), value: stats.calls - stats.handledWithoutHuman, colour: GREY },
  ];
  const interruptions = [
    { name: t('calls.statistics.avoided'), value: stats.interruptionsAvoided, colour: GREEN },
    { name: t('calls.statistics.interrupted'), value: stats.consultationsInterrupted, colour: ORANGE },
  ];
  const figures: Array<[string, string]> = [
    [t('calls.statistics.calls'), String(stats.calls)],
    [t('calls.statistics.withoutHuman'), `${stats.handledWithoutHuman} (${percent(stats.shareWithoutHuman)})`],
    [t('calls.statistics.messages'), String(stats.messagesTaken)],
    [t('calls.statistics.transferred'), String(stats.transferredToHuman)],
    [t('calls.statistics.redirected15'), String(stats.redirectedTo15)],
    [t('calls.statistics.duringConsultation'), String(stats.duringConsultation)],
    [t('calls.statistics.avoided'), String(stats.interruptionsAvoided)],
    [t('calls.statistics.interrupted'), String(stats.consultationsInterrupted)],
    [
      t('calls.statistics.queueWait'),
      stats.queueWait.averageSeconds == null
        ? t('calls.statistics.noQueue')
        : t('calls.statistics.seconds', { count: Math.round(stats.queueWait.averageSeconds) }),
    ],
  ];

  return (
    <Stack gap="md">
      <section aria-labelledby="key-figures">
        <Title order={3} size="h4" id="key-figures" mb="xs">
          {t('calls.statistics.figures')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} component="dl" spacing="sm" style={{ margin: 0 }}>
          {figures.map(([label, value]) => (
            <Paper key={label} withBorder p="sm" radius="sm">
              <Text component="dt" size="xs" c="gray.8">
                {label}
              </Text>
              <Text component="dd" size="lg" fw={700} m={0}>
                {value}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </section>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartFigure
          title={t('calls.statistics.perHourTitle')}
          description={t('calls.statistics.perHourDesc')}
          table={{
            headers: [t('calls.statistics.hour'), t('calls.statistics.count')],
            rows: perHour.map((row) => [row.hour, row.calls]),
          }}
        >
          <BarChart
            data={perHour}
            title={t('calls.statistics.perHourTitle')}
            desc={t('calls.statistics.perHourDesc')}
            margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="hour" tick={{ fill: '#343a40', fontSize: 12 }} />
            <YAxis allowDecimals={false} tick={{ fill: '#343a40', fontSize: 12 }} width={40} />
            <Tooltip />
            <Bar dataKey="calls" name={t('calls.statistics.count')} fill={BLUE} />
          </BarChart>
        </ChartFigure>
        <ChartFigure
          title={t('calls.statistics.shareTitle')}
          description={t('calls.statistics.shareDesc')}
          table={{
            headers: [t('calls.statistics.calls'), t('calls.statistics.count')],
            rows: share.map((s) => [s.name, `${s.value} (${percent(stats.calls ? s.value / stats.calls : 0)})`]),
          }}
        >
          <PieChart title={t('calls.statistics.shareTitle')} desc={t('calls.statistics.shareDesc')}>
            <Pie
              data={share}
              dataKey="value"
              nameKey="name"
              innerRadius="45%"
              outerRadius="75%"
              isAnimationActive={false}
            >
              {share.map((s) => (
                <Cell key={s.name} fill={s.colour} />
              ))}
            </Pie>
            <Tooltip />
            <Legend wrapperStyle={{ color: '#343a40' }} />
          </PieChart>
        </ChartFigure>
        <ChartFigure
          title={t('calls.statistics.perDayTitle')}
          description={t('calls.statistics.perDayDesc')}
          table={{
            headers: [t('calls.statistics.day'), t('calls.statistics.count'), t('calls.statistics.handled')],
            rows: perDay.map((row) => [row.day, row.calls, row.handled]),
          }}
        >
          <BarChart
            data={perDay}
            title={t('calls.statistics.perDayTitle')}
            desc={t('calls.statistics.perDayDesc')}
            margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tick={{ fill: '#343a40', fontSize: 11 }} />
            <YAxis allowDecimals={false} tick={{ fill: '#343a40', fontSize: 12 }} width={40} />
            <Tooltip />
            <Legend wrapperStyle={{ color: '#343a40' }} />
            <Bar dataKey="calls" name={t('calls.statistics.count')} fill={BLUE} />
            <Bar dataKey="handled" name={t('calls.statistics.handled')} fill={GREEN} />
          </BarChart>
        </ChartFigure>
        <ChartFigure
          title={t('calls.statistics.interruptionsTitle')}
          description={t('calls.statistics.interruptionsDesc')}
          table={{
            headers: [t('calls.statistics.duringConsultation'), t('calls.statistics.count')],
            rows: interruptions.map((s) => [s.name, s.value]),
          }}
        >
          <BarChart
            data={interruptions}
            layout="vertical"
            title={t('calls.statistics.interruptionsTitle')}
            desc={t('calls.statistics.interruptionsDesc')}
            margin={{ top: 8, right: 16, bottom: 8, left: 16 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fill: '#343a40', fontSize: 12 }} />
            <YAxis type="category" dataKey="name" width={150} tick={{ fill: '#343a40', fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="value" name={t('calls.statistics.count')}>
              {interruptions.map((s) => (
                <Cell key={s.name} fill={s.colour} />
              ))}
            </Bar>
          </BarChart>
        </ChartFigure>
      </SimpleGrid>
    </Stack>
  );
}

/** A chart with its title and description tied to it, and its figures in a table for whoever cannot see it. */
function ChartFigure({
  title,
  description,
  table,
  children,
}: {
  title: string;
  description: string;
  table: { headers: string[]; rows: Array<Array<string | number>> };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="figure"
      m={0}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
    >
      <Title order={3} size="h5" id={titleId}>
        {title}
      </Title>
      <Text size="xs" c="gray.7" id={descriptionId} mb="xs">
        {description}
      </Text>
      <div style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
      <details>
        <summary>
          <Text span size="sm">
            {t('calls.statistics.showTable')}
          </Text>
        </summary>
        <Table striped withTableBorder mt="xs" fz="sm">
          <Table.Caption>{title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {table.headers.map((header) => (
                <Table.Th key={header} scope="col">
                  {header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row) => (
              <Table.Tr key={String(row[0])}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <Table.Th key={i} scope="row" fw={400}>
                      {cell}
                    </Table.Th>
                  ) : (
                    <Table.Td key={i}>{cell}</Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </Paper>
  );
}
