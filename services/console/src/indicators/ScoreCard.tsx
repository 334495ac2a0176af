import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { frEuros, frNumber, levelText } from './format';
import type { IndicatorScore } from './indicators.queries';

/** Share of the way from nothing to an objective, in the indicator's direction (0–100). */
export function progressTowards(
  level: number | null,
  objective: number | null,
  direction: string | null,
): number | null {
  if (level === null || objective === null) return null;
  if (direction === 'lower_is_better') {
    if (level <= objective) return 100;
    return Math.max(0, Math.min(100, (objective / level) * 100));
  }
  if (objective <= 0) return 100;
  return Math.max(0, Math.min(100, (level / objective) * 100));
}

// Light badges: each colour's darkest shade on its lightest, AA for small bold text.
const PROVENANCE_COLOURS: Record<string, string> = { computed: 'gray', imported: 'violet', declared: 'grape' };

function ObjectiveProgress({
  label,
  objective,
  reached,
  score,
  direction,
}: {
  label: string;
  objective: number | null;
  reached: boolean | null;
  score: IndicatorScore;
  direction: string | null;
}) {
  const { t } = useTranslation();
  const percent = progressTowards(score.level, objective, direction);
  const value = objective === null ? t('indicators.scores.toComplete') : levelText(objective, score.unit);
  const state =
    reached === null ? '' : ` — ${t(reached ? 'indicators.scores.reached' : 'indicators.scores.notReached')}`;
  return (
    <Stack gap={4}>
      <Text size="sm">
        {t('indicators.scores.objective', { label, value })}
        {state}
      </Text>
      {percent !== null && (
        <Progress.Root size="lg" radius="sm">
          <Progress.Section
            value={percent}
            color={reached ? 'teal.9' : 'blue.8'}
            aria-label={t('indicators.scores.progressLabel', {
              label,
              value,
              percent: `${frNumber(percent, 0)} %`,
            })}
          >
            {percent >= 20 && <Progress.Label>{`${frNumber(percent, 0)} %`}</Progress.Label>}
          </Progress.Section>
        </Progress.Root>
      )}
    </Stack>
  );
}

/** One indicator: level, provenance, progress toward both objectives, points and euros, and how it was computed. */
export function ScoreCard({ score, direction }: { score: IndicatorScore; direction: string | null }) {
  const { t } = useTranslation();
  const titleId = useId();
  const hasNumbers = score.numerator !== null && score.denominator !== null;
  const points =
    score.pointsWeighted === null
      ? t('indicators.scores.unknown')
      : score.pointsMaximum === null
        ? t('indicators.scores.pointsNoMaximum', { earned: frNumber(score.pointsWeighted) })
        : t('indicators.scores.pointsValue', {
            earned: frNumber(score.pointsWeighted),
            maximum: frNumber(score.pointsMaximum),
          });
  return (
    <Card component="article" withBorder padding="sm" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={4} size="h5" id={titleId}>
              {score.label}
            </Title>
            <Text size="xs" c="gray.7">
              {score.indicatorCode}
            </Text>
          </div>
          <Group gap={4} wrap="nowrap">
            <Badge variant="light" color={PROVENANCE_COLOURS[score.provenance] ?? 'gray'}>
              {t(`indicators.scores.provenance.${score.provenance}`, { defaultValue: score.provenance })}
            </Badge>
          </Group>
        </Group>
        <Group gap="xs" align="baseline">
          <Text size="xs" c="gray.7">
            {t('indicators.scores.level')}
          </Text>
          <Text fw={700} size="xl" data-testid="indicator-level">
            {levelText(score.level, score.unit)}
          </Text>
          {hasNumbers && (
            <Text size="sm" c="gray.7">
              {t('indicators.scores.values', {
                numerator: frNumber(score.numerator ?? 0),
                denominator: frNumber(score.denominator ?? 0),
              })}
            </Text>
          )}
          <Text size="xs" c="gray.7">
            ({t(`indicators.scores.status.${score.status}`, { defaultValue: score.status })})
          </Text>
        </Group>
        <ObjectiveProgress
          label={t('indicators.scores.intermediate')}
          objective={score.intermediateObjective}
          reached={score.intermediateReached}
          score={score}
          direction={direction}
        />
        <ObjectiveProgress
          label={t('indicators.scores.target')}
          objective={score.targetObjective}
          reached={score.targetReached}
          score={score}
          direction={direction}
        />
        <SimpleGrid cols={2} spacing="xs">
          <div>
            <Text size="xs" c="gray.7">
              {t('indicators.scores.points')}
            </Text>
            <Text size="sm" fw={600}>
              {points}
            </Text>
          </div>
          <div>
            <Text size="xs" c="gray.7">
              {t('indicators.scores.euros')}
            </Text>
            <Text size="sm" fw={600}>
              {score.estimatedEuros === null ? t('indicators.scores.unknown') : frEuros(score.estimatedEuros)}
            </Text>
          </div>
        </SimpleGrid>
        {score.importedFile && (
          <Text size="xs" c="gray.7">
            {t('indicators.scores.importedFrom', { file: score.importedFile })}
          </Text>
        )}
        {score.explanation.length + score.unconfirmed.length > 0 && (
          <details>
            <summary>
              <Text component="span" size="sm">
                {t('indicators.scores.explanation')}
              </Text>
            </summary>
            <Stack gap={2} mt={4}>
              {[...score.explanation, ...score.unconfirmed].map((line, i) => (
                <Text key={i} size="xs">
                  {line}
                </Text>
              ))}
            </Stack>
          </details>
        )}
      </Stack>
    </Card>
  );
}
