import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { describeError } from '../graphql/error-message';
import { frEuros, frNumber } from './format';
import type { IndicatorScore } from './indicators.queries';
import { monthLabel } from './periods';
import { ScoreCard } from './ScoreCard';

/** Catalogues in the order a structure reads them: its own figures first, then what it is paid on. */
const CATALOGUE_ORDER = ['OPERATIONAL', 'ACI_MSP', 'ACI_CPTS', 'FORFAIT_MT_PREVENTION', 'ROSP_MT_ADULTE'];

export const catalogueRank = (code: string) => (CATALOGUE_ORDER.includes(code) ? CATALOGUE_ORDER.indexOf(code) : 99);

interface Props {
  month: string;
  scores: readonly IndicatorScore[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  directionOf: (catalogue: string, code: string) => string | null;
}

/** Every indicator of the period against its intermediate and target objectives, with points and euros. */
export function ScoresSection({ month, scores, loading, error, onRetry, directionOf }: Props) {
  const { t } = useTranslation();
  const list = useMemo(() => scores ?? [], [scores]);
  const groups = useMemo(() => {
    const byCatalogue = new Map<string, IndicatorScore[]>();
    for (const score of list) byCatalogue.set(score.catalogue, [...(byCatalogue.get(score.catalogue) ?? []), score]);
    return [...byCatalogue.entries()].sort(([a], [b]) => catalogueRank(a) - catalogueRank(b));
  }, [list]);
  const totalPoints = list.reduce((sum, s) => sum + (s.pointsWeighted ?? 0), 0);
  const totalEuros = list.reduce((sum, s) => sum + (s.estimatedEuros ?? 0), 0);

  return (
    <Paper component="section" withBorder p="md" aria-labelledby="scores-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="scores-title">
          {t('indicators.scores.title', { month: monthLabel(month) })}
        </Title>
        {Boolean(error) && (
          <ErrorState message={t('indicators.scores.failed', { message: describeError(error, t) })} onRetry={onRetry} />
        )}
        {loading && !scores && <LoadingState label={t('indicators.scores.loading')} />}
        {!loading && !error && list.length === 0 && <Text>{t('indicators.scores.none')}</Text>}
        {list.length > 0 && (
          <div>
            <Text fw={700}>
              {t('indicators.scores.totals', { points: frNumber(totalPoints), euros: frEuros(totalEuros) })}
            </Text>
            <Text size="sm" c="gray.7">
              {t('indicators.scores.totalsHint')}
            </Text>
          </div>
        )}
        {groups.map(([catalogue, items]) => (
          <Stack key={catalogue} gap="xs" component="section" aria-labelledby={`catalogue-${catalogue}`}>
            <Title order={3} size="h4" id={`catalogue-${catalogue}`}>
              {t(`indicators.scores.catalogue.${catalogue}`, { defaultValue: catalogue })}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {items.map((score) => (
                <ScoreCard
                  key={`${score.catalogue}-${score.indicatorCode}`}
                  score={score}
                  direction={directionOf(score.catalogue, score.indicatorCode)}
                />
              ))}
            </SimpleGrid>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
