import { useQuery } from '@apollo/client/react';
import { Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { describeError } from '../graphql/error-message';
import { levelText } from './format';
import { INDICATOR_HISTORIES_QUERY } from './indicators.queries';
import { addMonths, monthLabel, shortMonthLabel } from './periods';

interface Props {
  structureId: string;
  month: string;
  practitionerId: string | null;
}

/** The twelve months up to the chosen one, one computed indicator at a time, with its objectives drawn across. */
export function HistorySection({ structureId, month, practitionerId }: Props) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const query = useQuery(INDICATOR_HISTORIES_QUERY, {
    variables: { structureId, from: addMonths(month, -11), to: month, practitionerId },
  });
  const histories = useMemo(() => query.data?.indicatorHistories ?? [], [query.data]);
  const history = histories.find((h) => h.indicatorCode === chosen) ?? histories[0];
  const data = useMemo(
    () => (history?.points ?? []).map((p) => ({ month: shortMonthLabel(p.period), period: p.period, level: p.level })),
    [history],
  );

  return (
    <Paper component="section" withBorder p="md" aria-labelledby="history-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="history-title">
          {t('indicators.history.title')}
        </Title>
        {query.error && (
          <ErrorState
            message={t('indicators.history.failed', { message: describeError(query.error, t) })}
            onRetry={() => void query.refetch()}
          />
        )}
        {query.loading && <LoadingState label={t('indicators.history.loading')} />}
        {!query.loading && !query.error && !history && <Text>{t('indicators.history.none')}</Text>}
        {history && (
          <>
            <Select
              label={t('indicators.history.indicator')}
              allowDeselect={false}
              maw={480}
              data={histories.map((h) => ({ value: h.indicatorCode, label: `${h.label} (${h.indicatorCode})` }))}
              value={history.indicatorCode}
              onChange={setChosen}
            />
            <div
              role="img"
              aria-label={t('indicators.history.chartLabel', { label: history.label })}
              style={{ width: '100%', height: 240 }}
            >
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="month" tick={{ fill: '#343a40', fontSize: 12 }} />
                  <YAxis tick={{ fill: '#343a40', fontSize: 12 }} width={56} />
                  <Tooltip formatter={(value) => levelText(Number(value), history.unit)} />
                  {history.intermediateObjective !== null && (
                    <ReferenceLine y={history.intermediateObjective} stroke="#e8590c" strokeDasharray="6 3" />
                  )}
                  {history.targetObjective !== null && (
                    <ReferenceLine y={history.targetObjective} stroke="#087f5b" strokeDasharray="6 3" />
                  )}
                  <Line type="monotone" dataKey="level" stroke="#1864ab" strokeWidth={2} connectNulls />
                </LineChart>
              </ResponsiveContainer>
            </div>
            <details>
              <summary>
                <Text component="span" size="sm">
                  {t('indicators.history.showTable')}
                </Text>
              </summary>
              <Table withTableBorder mt="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('indicators.history.month')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('indicators.history.level')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.map((point) => (
                    <Table.Tr key={point.period}>
                      <Table.Td>{monthLabel(point.period)}</Table.Td>
                      <Table.Td ta="right">{levelText(point.level, history.unit)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </details>
          </>
        )}
      </Stack>
    </Paper>
  );
}
