import { useMutation } from '@apollo/client/react';
import { Alert, Button, Divider, Drawer, Group, Select, Stack, Text, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { slotLabel } from '../../common/zoned-time';
import { describeError } from '../../graphql/error-message';
import type { AgendaAppointment, AppointmentStatus, FreeSlot } from '../agenda.queries';
import { FreeSlotChoice } from '../booking/FreeSlotChoice';
import { patientName } from '../agenda-events';
import {
  CANCEL_APPOINTMENT,
  CANCEL_REASONS,
  type CancelReason,
  type CancellationParty,
  COMPLETE_APPOINTMENT,
  MARK_ARRIVED,
  MARK_NO_SHOW,
  RESCHEDULE_APPOINTMENT,
  START_CONSULTATION,
} from './agenda-actions.queries';

type Step = 'ARRIVED' | 'IN_CONSULTATION' | 'DONE' | 'NO_SHOW';

/** The steps scheduling allows from each status (domain/appointment-status.ts), offered in that order. */
const STEPS_FROM: Partial<Record<AppointmentStatus, Step[]>> = {
  BOOKED: ['ARRIVED', 'NO_SHOW'],
  CONFIRMED: ['ARRIVED', 'NO_SHOW'],
  ARRIVED: ['IN_CONSULTATION', 'DONE'],
  IN_CONSULTATION: ['DONE'],
};
const CANCELLABLE: ReadonlySet<AppointmentStatus> = new Set(['BOOKED', 'CONFIRMED', 'ARRIVED']);
const MOVABLE: ReadonlySet<AppointmentStatus> = new Set(['BOOKED', 'CONFIRMED']);
const STEP_LABEL: Record<Step, string> = {
  ARRIVED: 'agendaActions.arrived',
  IN_CONSULTATION: 'agendaActions.startConsultation',
  DONE: 'agendaActions.done',
  NO_SHOW: 'agendaActions.noShow',
};

/** Who asked for the cancellation follows from its reason; otherwise scheduling records the member who did it. */
const PARTY_OF: Partial<Record<CancelReason, CancellationParty>> = {
  PATIENT_REQUEST: 'PATIENT',
  PRACTITIONER_ABSENT: 'PRACTITIONER',
};

interface Props {
  appointment: AgendaAppointment;
  practitioner: string;
  timeZone: string;
  onClose(): void;
  /** The change went through: the page says so and reloads the week. */
  onChanged(message: string): void;
}

/**
 * An appointment of the week, opened from the calendar: the desk's steps (arrived, in consultation, done, no-show) and
 * cancellation with a reason. Only what scheduling would accept from the current status is offered; a step scheduling
 * still refuses (timing, rights) is shown with its reason.
 */
export function AppointmentDrawer({ appointment, practitioner, timeZone, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<CancelReason | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [arrive, arriving] = useMutation(MARK_ARRIVED);
  const [start, starting] = useMutation(START_CONSULTATION);
  const [complete, completing] = useMutation(COMPLETE_APPOINTMENT);
  const [noShow, noShowing] = useMutation(MARK_NO_SHOW);
  const [cancel, cancelling] = useMutation(CANCEL_APPOINTMENT);
  const [move, moving] = useMutation(RESCHEDULE_APPOINTMENT);
  const [moveTo, setMoveTo] = useState<FreeSlot | null>(null);
  const [choosingTime, setChoosingTime] = useState(false);
  const busy =
    arriving.loading ||
    starting.loading ||
    completing.loading ||
    noShowing.loading ||
    cancelling.loading ||
    moving.loading;
  const patient = patientName(appointment.patient) ?? t('agenda.busy');
  const status = appointment.status;
  const now = DateTime.now();
  const dayHasCome = now >= DateTime.fromISO(appointment.startsAt, { zone: timeZone }).startOf('day');
  const hasStarted = now >= DateTime.fromISO(appointment.startsAt);

  const run = async (step: Step) => {
    setError(null);
    const variables = { input: { appointmentId: appointment.id } };
    try {
      if (step === 'ARRIVED') await arrive({ variables });
      else if (step === 'IN_CONSULTATION') await start({ variables });
      else if (step === 'DONE') await complete({ variables });
      else await noShow({ variables });
      onChanged(t(`agendaActions.changed.${step}`, { patient }));
    } catch (failure) {
      setError(t('agendaActions.failed', { message: describeError(failure, t) }));
    }
  };

  const cancelIt = async () => {
    if (!reason) return;
    setError(null);
    try {
      await cancel({
        variables: { input: { appointmentId: appointment.id, reason, cancelledBy: PARTY_OF[reason] ?? null } },
      });
      onChanged(t('agendaActions.changed.CANCELLED', { patient }));
    } catch (failure) {
      setError(t('agendaActions.failed', { message: describeError(failure, t) }));
    }
  };

  /** The keyboard's way to reschedule (dragging is the mouse's): another free time of the same practitioner. */
  const moveIt = async () => {
    if (!moveTo) return;
    setError(null);
    try {
      const answer = await move({ variables: { input: { appointmentId: appointment.id, startsAt: moveTo.startsAt } } });
      const when = slotLabel(answer.data?.rescheduleAppointment.startsAt ?? moveTo.startsAt, timeZone);
      onChanged(t('agendaActions.moved', { when }));
    } catch (failure) {
      setError(t('agendaActions.moveRefused', { message: describeError(failure, t) }));
    }
  };

  const steps = (status && STEPS_FROM[status]) ?? [];
  const end = DateTime.fromISO(appointment.endsAt, { zone: timeZone }).toFormat('HH:mm');

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="md"
      title={<strong>{t('agendaActions.drawerTitle')}</strong>}
      closeButtonProps={{ 'aria-label': t('agendaActions.close') }}
    >
      <Stack gap="sm">
        <Text fw={700}>{t('agendaActions.when', { when: slotLabel(appointment.startsAt, timeZone), end })}</Text>
        <Text>{t('agendaActions.patient', { patient })}</Text>
        <Text>{t('agendaActions.practitioner', { practitioner })}</Text>
        <Text>{t('agendaActions.motif', { motif: appointment.motifLabel })}</Text>
        {status && <Text>{t('agendaActions.status', { status: t(`status.${status}`) })}</Text>}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {!appointment.detailsVisible && <Text>{t('agendaActions.noDetails')}</Text>}
        {appointment.detailsVisible && status === 'HELD' && <Text>{t('agendaActions.heldHint')}</Text>}
        {appointment.detailsVisible && status && !steps.length && !CANCELLABLE.has(status) && status !== 'HELD' && (
          <Text>{t('agendaActions.noAction')}</Text>
        )}
        {appointment.detailsVisible && steps.length > 0 && (
          <>
            <Divider />
            <Title order={3} size="h5">
              {t('agendaActions.steps')}
            </Title>
            <Group gap="xs">
              {steps.map((step) => {
                const early = step === 'NO_SHOW' ? !hasStarted : !dayHasCome;
                return (
                  <Button
                    key={step}
                    variant={step === 'NO_SHOW' ? 'outline' : 'filled'}
                    color={step === 'NO_SHOW' ? 'red.9' : undefined}
                    disabled={busy || early}
                    onClick={() => void run(step)}
                  >
                    {t(STEP_LABEL[step])}
                  </Button>
                );
              })}
            </Group>
            {!dayHasCome && (
              <Text size="sm" c="gray.7">
                {t('agendaActions.notYet')}
              </Text>
            )}
            {dayHasCome && !hasStarted && steps.includes('NO_SHOW') && (
              <Text size="sm" c="gray.7">
                {t('agendaActions.notStarted')}
              </Text>
            )}
          </>
        )}
        {appointment.detailsVisible && status && MOVABLE.has(status) && (
          <>
            <Divider />
            <Title order={3} size="h5">
              {t('agendaActions.moveSection')}
            </Title>
            {choosingTime ? (
              <>
                <FreeSlotChoice
                  motifId={appointment.motifId}
                  practitionerId={appointment.practitionerId}
                  siteId={appointment.siteId}
                  timeZone={timeZone}
                  selected={moveTo}
                  onSelect={setMoveTo}
                />
                <Button disabled={!moveTo || busy} loading={moving.loading} onClick={() => void moveIt()}>
                  {moveTo
                    ? t('agendaActions.moveTo', { when: slotLabel(moveTo.startsAt, timeZone) })
                    : t('agendaActions.chooseTime')}
                </Button>
              </>
            ) : (
              <Button variant="default" onClick={() => setChoosingTime(true)}>
                {t('agendaActions.chooseTime')}
              </Button>
            )}
          </>
        )}
        {appointment.detailsVisible && status && CANCELLABLE.has(status) && (
          <>
            <Divider />
            <Title order={3} size="h5">
              {t('agendaActions.cancelSection')}
            </Title>
            <Select
              label={t('agendaActions.cancelReason')}
              placeholder={t('booking.choose')}
              data={CANCEL_REASONS.map((value) => ({ value, label: t(`agendaActions.cancelReasons.${value}`) }))}
              value={reason}
              onChange={(value) => setReason(value as CancelReason | null)}
              comboboxProps={{ withinPortal: false }}
            />
            <Button
              color="red.8"
              disabled={!reason || busy}
              loading={cancelling.loading}
              onClick={() => void cancelIt()}
            >
              {t('agendaActions.cancel')}
            </Button>
          </>
        )}
      </Stack>
    </Drawer>
  );
}
