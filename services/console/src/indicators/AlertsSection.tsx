import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { describeError } from '../graphql/error-message';
import type { IndicatorAlert } from './indicators.queries';

interface Props {
  alerts: readonly IndicatorAlert[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
}

/** The indicators behind their next objective this month, and what it would take, in the backend's words. */
export function AlertsSection({ alerts, loading, error, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="alerts-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="alerts-title">
          {t('indicators.alerts.title')}
        </Title>
        {Boolean(error) && (
          <ErrorState message={t('indicators.alerts.failed', { message: describeError(error, t) })} onRetry={onRetry} />
        )}
        {loading && !alerts && <LoadingState label={t('indicators.alerts.loading')} />}
        {alerts && alerts.length === 0 && <Text>{t('indicators.alerts.none')}</Text>}
        {alerts?.map((alert) => (
          <Alert
            key={`${alert.indicatorCode}-${alert.objective}`}
            color="orange"
            variant="light"
            title={alert.label}
            // Orange text on orange is below 4.5:1: the title in black, the colour kept for the background.
            styles={{ title: { color: 'var(--mantine-color-black)' } }}
          >
            <Group gap="xs" align="baseline">
              <Text size="sm">{alert.message}</Text>
              <Badge color="dark" variant="outline">
                {t('indicators.alerts.daysLeft', { count: alert.daysLeft })}
              </Badge>
            </Group>
          </Alert>
        ))}
      </Stack>
    </Paper>
  );
}
