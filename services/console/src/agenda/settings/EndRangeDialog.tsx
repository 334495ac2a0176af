import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayAt } from '../../common/zoned-time';
import { describeError, fieldOf, refusalOf } from '../../graphql/error-message';
import { END_OPENING_RANGE, type OpeningRange, type OpeningRangeChange } from './agenda-settings.queries';
import { fieldRefusal, rangeLabel } from './range-labels';

interface Props {
  range: OpeningRange;
  timeZone: string;
  onClose(): void;
  onEnded(change: OpeningRangeChange, from: string): void;
  onStale(): void;
}

/** Ends a range from a date on (its first day without it): the days before keep it, as the past must. */
export function EndRangeDialog({ range, timeZone, onClose, onEnded, onStale }: Props) {
  const { t } = useTranslation();
  const today = todayAt(timeZone);
  const [from, setFrom] = useState(range.validFrom > today ? range.validFrom : today);
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [end, ending] = useMutation(END_OPENING_RANGE, {
    refetchQueries: ['ConsoleOpeningRanges', 'ConsoleOutsideAppointments'],
    awaitRefetchQueries: true,
  });

  const submit = async () => {
    setFailure(null);
    setFieldError(null);
    try {
      const answer = await end({ variables: { input: { openingRangeId: range.id, version: range.version, from } } });
      if (answer.data) onEnded(answer.data.endOpeningRange, from);
    } catch (error) {
      if (refusalOf(error).reason === 'SCHEDULING.STALE_VERSION') return onStale();
      const message = describeError(error, t);
      setFieldError(fieldRefusal(fieldOf(error), message, t)?.text ?? null);
      setFailure(t('agendaSettings.endForm.failed', { message }));
    }
  };

  return (
    <Modal opened onClose={onClose} title={<strong>{t('agendaSettings.endForm.title')}</strong>}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text fw={600}>{rangeLabel(range, t)}</Text>
          <TextInput
            type="date"
            required
            label={t('agendaSettings.endForm.from')}
            description={t('agendaSettings.endForm.hint')}
            min={today}
            max={range.validUntil ?? undefined}
            value={from}
            error={fieldError ?? undefined}
            onChange={(event) => {
              setFieldError(null);
              setFrom(event.currentTarget.value);
            }}
          />
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('agendaSettings.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={ending.loading}>
              {t('agendaSettings.endForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
