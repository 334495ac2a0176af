import { useQuery } from '@apollo/client/react';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { describeError } from '../graphql/error-message';
import { hoursAndMinutes, frNumber } from './format';
import { timeFreedWeeksQuery } from './indicators.queries';
import { isoWeeksOf, monthLabel, weekLabel } from './periods';

/** Colours of the practitioners' bars, dark enough against white (3:1 for graphics). */
const BAR_COLOURS = ['#1864ab', '#c2255c', '#087f5b', '#e8590c', '#6741d9', '#5c940d', '#0b7285', '#862e9c'];

interface Props {
  structureId: string;
  month: string;
  /** Only this practitioner's line, when the dashboard is one practitioner's. */
  practitionerId: string | null;
  nameOf: (practitionerId: string) => string;
}

/** IND-4 up front: minutes freed per practitioner for each ISO week of the month, charted and in figures. */
export function TimeFreedSection({ structureId, month, practitionerId, nameOf }: Props) {
  const { t } = useTranslation();
  const weeks = useMemo(() => isoWeeksOf(month), [month]);
  const variables = useMemo(
    () => Object.fromEntries([['structureId', structureId], ...weeks.map((week, i) => [`w${i}`, week])]),
    [structureId, weeks],
  );
  const query = useQuery(timeFreedWeeksQuery(weeks.length), { variables, notifyOnNetworkStatusChange: true });

  const rows = useMemo(() => {
    const data = query.data;
    if (!data) return [];
    const byPractitioner = new Map<string, Array<number | null>>();
    weeks.forEach((_, i) => {
      for (const line of data[`w${i}`] ?? []) {
        if (practitionerId && line.practitionerId !== practitionerId) continue;
        const minutes = byPractitioner.get(line.practitionerId) ?? weeks.map(() => null);
        minutes[i] = line.minutesPerPractitionerPerWeek;
        byPractitioner.set(line.practitionerId, minutes);
      }
    });
    return [...byPractitioner.entries()]
      .map(([id, minutes]) => {
        const known = minutes.map((m) => m ?? 0);
        return { id, name: nameOf(id), minutes, mean: known.reduce((a, b) => a + b, 0) / weeks.length };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }, [query.data, weeks, practitionerId, nameOf]);

  const chartData = useMemo(
    () =>
      weeks.map((week, i) => ({
        week: weekLabel(week),
        ...Object.fromEntries(rows.map((row) => [row.name, Math.round(row.minutes[i] ?? 0)])),
      })),
    [weeks, rows],
  );
  const overallMean = rows.length ? rows.reduce((sum, row) => sum + row.mean, 0) / rows.length : 0;

  return (
    <Paper component="section" withBorder p="md" aria-labelledby="time-freed-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id="time-freed-title">
            {t('indicators.timeFreed.title')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('indicators.timeFreed.intro', { month: monthLabel(month) })}
          </Text>
        </div>
        {query.error && (
          <ErrorState
            message={t('indicators.timeFreed.failed', { message: describeError(query.error, t) })}
            onRetry={() => void query.refetch()}
          />
        )}
        {query.loading && <LoadingState label={t('indicators.timeFreed.loading')} />}
        {!query.loading && !query.error && rows.length === 0 && <Text>{t('indicators.timeFreed.none')}</Text>}
        {!query.loading && rows.length > 0 && (
          <>
            <Text fw={700} size="lg">
              {t('indicators.timeFreed.average', { hours: hoursAndMinutes(overallMean) })}
            </Text>
            <div role="img" aria-label={t('indicators.timeFreed.chartLabel')} style={{ width: '100%', height: 260 }}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={chartData} accessibilityLayer={false} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="week" tick={{ fill: '#343a40', fontSize: 12 }} />
                  <YAxis unit=" min" tick={{ fill: '#343a40', fontSize: 12 }} width={64} />
                  <Tooltip formatter={(value) => `${frNumber(Number(value), 0)} min`} />
                  {/* Names in dark text: the bars' colours are too light for text. */}
                  <Legend formatter={(value) => <span style={{ color: '#212529' }}>{value}</span>} />
                  {rows.map((row, i) => (
                    <Bar key={row.id} dataKey={row.name} fill={BAR_COLOURS[i % BAR_COLOURS.length]} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
            <Table.ScrollContainer minWidth={560}>
              <Table striped withTableBorder aria-labelledby="time-freed-title">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('indicators.timeFreed.practitioner')}</Table.Th>
                    {weeks.map((week) => (
                      <Table.Th scope="col" key={week} ta="right">
                        {weekLabel(week)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col" ta="right">
                      {t('indicators.timeFreed.mean')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Th scope="row">{row.name}</Table.Th>
                      {row.minutes.map((minutes, i) => (
                        <Table.Td key={weeks[i]} ta="right">
                          {minutes === null
                            ? '—'
                            : t('indicators.timeFreed.minutes', { minutes: frNumber(minutes, 0) })}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right" fw={700}>
                        {hoursAndMinutes(row.mean)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Paper>
  );
}
