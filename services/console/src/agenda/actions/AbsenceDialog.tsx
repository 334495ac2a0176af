import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayAt } from '../../common/zoned-time';
import { describeError } from '../../graphql/error-message';
import type { PractitionerAgenda } from '../agenda.queries';
import { practitionerName } from '../agenda-events';
import { ABSENCE_KINDS, type AbsenceKind, DECLARE_ABSENCE } from './agenda-actions.queries';

interface Props {
  structureId: string;
  timeZone: string;
  practitioners: readonly PractitionerAgenda[];
  onClose(): void;
  onDeclared(message: string): void;
}

/** A practitioner's absence (holiday, training, blocked time), at every site, its times typed in the site's zone. */
export function AbsenceDialog({ structureId, timeZone, practitioners, onClose, onDeclared }: Props) {
  const { t } = useTranslation();
  const today = todayAt(timeZone);
  const [practitionerId, setPractitionerId] = useState<string | null>(null);
  const [kind, setKind] = useState<AbsenceKind>('ABSENCE');
  const [from, setFrom] = useState({ date: today, time: '08:00' });
  const [to, setTo] = useState({ date: today, time: '19:00' });
  const [error, setError] = useState<string | null>(null);
  const [declare, declaring] = useMutation(DECLARE_ABSENCE);
  const instant = (value: { date: string; time: string }) =>
    DateTime.fromISO(`${value.date}T${value.time}`, { zone: timeZone }).toISO();

  const submit = async () => {
    const startsAt = instant(from);
    const endsAt = instant(to);
    if (!practitionerId || !startsAt || !endsAt) return;
    setError(null);
    try {
      await declare({ variables: { input: { structureId, practitionerId, kind, startsAt, endsAt } } });
      const chosen = practitioners.find((p) => p.practitionerId === practitionerId);
      const who = chosen ? practitionerName(chosen) : '';
      onDeclared(t('agendaActions.absence.declared', { who }));
    } catch (failure) {
      setError(t('agendaActions.absence.failed', { message: describeError(failure, t) }));
    }
  };

  return (
    <Modal opened onClose={onClose} title={<strong>{t('agendaActions.absence.title')}</strong>} size="lg">
      <Stack gap="sm">
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Select
          label={t('booking.practitioner')}
          placeholder={t('booking.choose')}
          data={practitioners.map((p) => ({ value: p.practitionerId, label: practitionerName(p) }))}
          value={practitionerId}
          onChange={setPractitionerId}
          searchable
          comboboxProps={{ withinPortal: false }}
        />
        <Select
          label={t('agendaActions.absence.kind')}
          allowDeselect={false}
          data={ABSENCE_KINDS.map((value) => ({ value, label: t(`agendaActions.absence.kinds.${value}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value as AbsenceKind)}
          comboboxProps={{ withinPortal: false }}
        />
        <SimpleGrid cols={2}>
          <TextInput
            type="date"
            label={t('agendaActions.absence.fromDate')}
            value={from.date}
            onChange={(event) => setFrom({ ...from, date: event.currentTarget.value })}
          />
          <TextInput
            type="time"
            label={t('agendaActions.absence.fromTime')}
            value={from.time}
            onChange={(event) => setFrom({ ...from, time: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('agendaActions.absence.toDate')}
            value={to.date}
            onChange={(event) => setTo({ ...to, date: event.currentTarget.value })}
          />
          <TextInput
            type="time"
            label={t('agendaActions.absence.toTime')}
            value={to.time}
            onChange={(event) => setTo({ ...to, time: event.currentTarget.value })}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('booking.cancel')}
          </Button>
          <Button disabled={!practitionerId} loading={declaring.loading} onClick={() => void submit()}>
            {t('agendaActions.absence.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
