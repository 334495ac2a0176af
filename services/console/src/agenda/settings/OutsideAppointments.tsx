import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, Radio, Select, Stack, Text, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../common/ErrorState';
import { LoadingState } from '../../common/LoadingState';
import { slotLabel } from '../../common/zoned-time';
import { describeError } from '../../graphql/error-message';
import { useWorkplace } from '../../workplace/workplace';
import { CANCEL_REASONS, type CancelReason, type CancellationParty } from '../actions/agenda-actions.queries';
import { patientName } from '../agenda-events';
import { BOOKING_ROLES, hasAnyRole, mayManageRangesOf } from '../agenda-roles';
import type { FreeSlot } from '../agenda.queries';
import { FreeSlotChoice } from '../booking/FreeSlotChoice';
import {
  APPOINTMENT_PATIENT_QUERY,
  DECIDE_OUTSIDE_APPOINTMENT,
  OUTSIDE_APPOINTMENTS_QUERY,
  type OutsideAppointment,
  type OutsideChoice,
} from './agenda-settings.queries';

/** Who asked for the cancellation follows from its reason, as in the appointment's drawer. */
const PARTY_OF: Partial<Record<CancelReason, CancellationParty>> = {
  PATIENT_REQUEST: 'PATIENT',
  PRACTITIONER_ABSENT: 'PRACTITIONER',
};

interface Props {
  structureId: string;
  practitionerId: string;
  site: { id: string; timeZone: string };
  motifLabel(motifId: string): string;
  onDecided(message: string): void;
}

/**
 * The booked appointments a change of this practitioner's ranges left outside them at this site, not decided yet,
 * soonest first: each stays booked until someone keeps it (an exception), moves it or cancels it.
 */
export function OutsideAppointments({ structureId, practitionerId, site, motifLabel, onDecided }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const outside = useQuery(OUTSIDE_APPOINTMENTS_QUERY, {
    variables: { structureId, practitionerId, siteId: site.id },
    fetchPolicy: 'cache-and-network',
  });
  const list = outside.data?.appointmentsOutsideOpeningRanges ?? [];
  if (outside.loading && !outside.data) return <LoadingState label={t('agendaSettings.outside.loading')} />;
  if (outside.error)
    return (
      <ErrorState
        message={t('agendaSettings.outside.loadFailed', { message: describeError(outside.error, t) })}
        onRetry={() => void outside.refetch()}
      />
    );
  if (!list.length) return null;
  return (
    <section aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={3} size="h4" id={headingId}>
            {t('agendaSettings.outside.heading')}
          </Title>
          <Badge color="#a14000">{list.length}</Badge>
        </Group>
        <Text size="sm">{t('agendaSettings.outside.intro')}</Text>
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('agendaSettings.outside.listLabel')}
        >
          {list.map((appointment) => (
            <OutsideAppointmentItem
              key={appointment.appointmentId}
              appointment={appointment}
              timeZone={site.timeZone}
              motif={motifLabel(appointment.motifId)}
              onDecided={onDecided}
            />
          ))}
        </Stack>
      </Stack>
    </section>
  );
}

function OutsideAppointmentItem({
  appointment,
  timeZone,
  motif,
  onDecided,
}: {
  appointment: OutsideAppointment;
  timeZone: string;
  motif: string;
  onDecided(message: string): void;
}) {
  const { t } = useTranslation();
  const { member, roles } = useWorkplace();
  // The patient is shown by the appointment itself, to those scheduling shows it to (the directory logs the read).
  const patient = useQuery(APPOINTMENT_PATIENT_QUERY, { variables: { id: appointment.appointmentId } });
  const [choice, setChoice] = useState<OutsideChoice | null>(null);
  const [moveTo, setMoveTo] = useState<FreeSlot | null>(null);
  const [reason, setReason] = useState<CancelReason | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [decide, deciding] = useMutation(DECIDE_OUTSIDE_APPOINTMENT, {
    refetchQueries: ['ConsoleOutsideAppointments'],
    awaitRefetchQueries: true,
  });
  const when = slotLabel(appointment.startsAt, timeZone);
  const end = DateTime.fromISO(appointment.endsAt, { zone: timeZone }).toFormat('HH:mm');
  const name = patientName(patient.data?.appointment.patient ?? null);
  const mayKeep = mayManageRangesOf(roles, member.id, appointment.practitionerId);
  const mayBook =
    hasAnyRole(roles, ['secretary', 'medical_assistant']) ||
    (hasAnyRole(roles, BOOKING_ROLES) && member.id === appointment.practitionerId);
  const choices: OutsideChoice[] = [
    ...(mayKeep ? (['KEEP'] as const) : []),
    ...(mayBook ? (['MOVE', 'CANCEL'] as const) : []),
  ];

  const run = async (decision: OutsideChoice) => {
    setFailure(null);
    try {
      await decide({
        variables: {
          input: {
            appointmentId: appointment.appointmentId,
            decision,
            startsAt: decision === 'MOVE' ? moveTo?.startsAt : null,
            reason: decision === 'CANCEL' ? reason : null,
            cancelledBy: decision === 'CANCEL' && reason ? (PARTY_OF[reason] ?? null) : null,
          },
        },
      });
      const at = decision === 'MOVE' && moveTo ? slotLabel(moveTo.startsAt, timeZone) : when;
      onDecided(t(`agendaSettings.outside.decided.${decision}`, { when: at }));
    } catch (error) {
      setFailure(t('agendaSettings.outside.failed', { message: describeError(error, t) }));
    }
  };

  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={6}>
        <Text fw={700}>{t('agendaSettings.outside.when', { when, end })}</Text>
        <Text size="sm">{t('agendaSettings.outside.motif', { motif })}</Text>
        <Text size="sm">
          {name ? t('agendaSettings.outside.patient', { patient: name }) : t('agendaSettings.outside.patientHidden')}
        </Text>
        <Text size="sm">{t('agendaActions.status', { status: t(`status.${appointment.status}`) })}</Text>
        {!choices.length && (
          <Text size="sm" c="gray.7">
            {t('agendaSettings.outside.mayNotDecide')}
          </Text>
        )}
        {choices.length > 0 && (
          <Radio.Group
            label={t('agendaSettings.outside.decision', { when })}
            value={choice}
            onChange={(value) => {
              setFailure(null);
              setChoice(value as OutsideChoice);
            }}
          >
            <Group gap="md" mt={4}>
              {choices.map((value) => (
                <Radio key={value} value={value} label={t(`agendaSettings.outside.choices.${value}`)} />
              ))}
            </Group>
          </Radio.Group>
        )}
        {mayKeep && !mayBook && (
          <Text size="sm" c="gray.7">
            {t('agendaSettings.outside.mayOnlyKeep')}
          </Text>
        )}
        {choice === 'KEEP' && (
          <>
            <Text size="sm" c="gray.7">
              {t('agendaSettings.outside.keepHint')}
            </Text>
            <Button loading={deciding.loading} onClick={() => void run('KEEP')} w="fit-content">
              {t('agendaSettings.outside.keep')}
            </Button>
          </>
        )}
        {choice === 'MOVE' && (
          <>
            <FreeSlotChoice
              motifId={appointment.motifId}
              practitionerId={appointment.practitionerId}
              siteId={appointment.siteId}
              timeZone={timeZone}
              selected={moveTo}
              onSelect={setMoveTo}
            />
            <Button disabled={!moveTo} loading={deciding.loading} onClick={() => void run('MOVE')} w="fit-content">
              {moveTo
                ? t('agendaSettings.outside.moveTo', { when: slotLabel(moveTo.startsAt, timeZone) })
                : t('agendaSettings.outside.chooseTime')}
            </Button>
          </>
        )}
        {choice === 'CANCEL' && (
          <>
            <Select
              label={t('agendaSettings.outside.cancelReason')}
              placeholder={t('agendaSettings.choose')}
              data={CANCEL_REASONS.map((value) => ({ value, label: t(`agendaActions.cancelReasons.${value}`) }))}
              value={reason}
              onChange={(value) => setReason(value as CancelReason | null)}
              w={{ base: '100%', xs: 320 }}
            />
            <Button
              color="red.8"
              disabled={!reason}
              loading={deciding.loading}
              onClick={() => void run('CANCEL')}
              w="fit-content"
            >
              {t('agendaSettings.outside.cancel')}
            </Button>
          </>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
