import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { type Dispatch, type SetStateAction, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../common/ErrorState';
import { slotLabel } from '../../common/zoned-time';
import { describeError, refusalOf } from '../../graphql/error-message';
import { isUnauthenticated } from '../../graphql/apollo-client';
import { practitionerName } from '../agenda-events';
import { BOOK_APPOINTMENT_MUTATION, MOTIFS_QUERY, type Motif, type PractitionerAgenda } from '../agenda.queries';
import type { BookingDraft } from './booking-draft';
import { FreeSlotChoice } from './FreeSlotChoice';
import { PatientChoice } from './PatientChoice';

export interface BookedAppointment {
  startsAt: string;
  patient: string;
}

interface Props {
  structureId: string;
  site: { id: string; timeZone: string };
  practitioners: readonly PractitionerAgenda[];
  draft: BookingDraft;
  /** React's state setter: updates apply to the draft as it is then, not as it was when the dialog rendered. */
  onDraftChange: Dispatch<SetStateAction<BookingDraft>>;
  onClose(): void;
  onBooked(appointment: BookedAppointment): void;
}

/** Motifs staff may book for this practitioner: the structure's and the practitioner's own, not archived. */
function motifsFor(motifs: readonly Motif[], practitionerId: string | null): Motif[] {
  return motifs.filter(
    (m) =>
      !m.archivedAt &&
      m.bookableBy.includes('STAFF') &&
      (m.practitionerId === null || m.practitionerId === practitionerId),
  );
}

/**
 * Books an appointment: practitioner and motif, then one of the free slots, then the patient. The form is the draft
 * (sessionStorage), so a session that expires meanwhile loses nothing.
 */
export function BookingDialog(props: Props) {
  const { structureId, site, practitioners, draft, onDraftChange, onClose, onBooked } = props;
  const { t } = useTranslation();
  // Read again at each opening: motifs change (an administrator edits or archives one) while the agenda stays open.
  const motifs = useQuery(MOTIFS_QUERY, { variables: { structureId }, fetchPolicy: 'cache-and-network' });
  const [failure, setFailure] = useState<string | null>(null);
  const [book, { loading: booking }] = useMutation(BOOK_APPOINTMENT_MUTATION);
  const change = (patch: Partial<BookingDraft>) => {
    setFailure(null);
    onDraftChange((current) => ({ ...current, ...patch }));
  };
  const offeredMotifs = motifsFor(motifs.data?.motifs ?? [], draft.practitionerId);
  const ready = draft.practitionerId && draft.motifId && draft.slot && draft.patient;

  const submit = async () => {
    if (!draft.slot || !draft.patient || !draft.motifId) return;
    try {
      await book({
        variables: {
          input: {
            practitionerId: draft.slot.practitionerId,
            siteId: draft.slot.siteId,
            motifId: draft.motifId,
            patientId: draft.patient.id,
            startsAt: draft.slot.startsAt,
          },
        },
      });
      onBooked({
        startsAt: draft.slot.startsAt,
        patient: `${draft.patient.lastName.toUpperCase()} ${draft.patient.firstName}`,
      });
    } catch (error) {
      // The session ran out: the error link is already on its way to sign-in, with this draft kept.
      if (isUnauthenticated(error)) return;
      const { reason } = refusalOf(error);
      if (reason === 'SCHEDULING.SLOT_TAKEN') {
        // The slot went while the request was out: only the slot is dropped, what was typed meanwhile stays.
        onDraftChange((current) => ({ ...current, slot: null }));
        setFailure(t('booking.slotTaken'));
      } else setFailure(t('booking.failed', { message: describeError(error, t) }));
    }
  };

  return (
    <Modal opened={draft.open} onClose={onClose} title={t('booking.title')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Select
            label={t('booking.practitioner')}
            placeholder={t('booking.choose')}
            required
            searchable
            data={practitioners.map((p) => ({ value: p.practitionerId, label: practitionerName(p) }))}
            value={draft.practitionerId}
            onChange={(practitionerId) => change({ practitionerId, motifId: null, slot: null })}
          />
          <Select
            label={t('booking.motif')}
            placeholder={t('booking.choose')}
            required
            disabled={!draft.practitionerId || !motifs.data}
            data={offeredMotifs.map((m) => ({ value: m.id, label: `${m.label} (${m.durationMinutes} min)` }))}
            value={draft.motifId}
            onChange={(motifId) => change({ motifId, slot: null })}
          />
          {motifs.error && (
            <ErrorState
              message={t('booking.motifsFailed', { message: describeError(motifs.error, t) })}
              onRetry={() => void motifs.refetch()}
            />
          )}
          {draft.practitionerId && draft.motifId ? (
            <FreeSlotChoice
              motifId={draft.motifId}
              practitionerId={draft.practitionerId}
              siteId={site.id}
              timeZone={site.timeZone}
              selected={draft.slot}
              onSelect={(slot) => change({ slot })}
            />
          ) : (
            <Text size="sm" c="gray.7">
              {t('booking.chooseFirst')}
            </Text>
          )}
          <PatientChoice
            structureId={structureId}
            query={draft.patientQuery}
            onQueryChange={(patientQuery) => change({ patientQuery })}
            selected={draft.patient}
            onSelect={(patient) => change({ patient })}
          />
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('booking.cancel')}
            </Button>
            <Button type="submit" disabled={!ready} loading={booking}>
              {draft.slot
                ? `${t('booking.submit')} — ${slotLabel(draft.slot.startsAt, site.timeZone)}`
                : t('booking.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
