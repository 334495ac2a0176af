import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Radio, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../common/zoned-time';
import { isUnauthenticated } from '../../graphql/apollo-client';
import { describeError, fieldOf } from '../../graphql/error-message';
import type { PatientMatch } from '../agenda.queries';
import { PatientChoice } from '../booking/PatientChoice';
import type { MotifDetails, StructureMember } from '../settings/agenda-settings.queries';
import { memberName } from '../settings/practitioners';
import { fieldRefusal } from '../settings/range-labels';
import { JOIN_WAITLIST } from './waitlist.queries';

/** The form as it is being filled; kept in sessionStorage (`useSessionDraft`) across a sign-in. */
export interface WaitlistDraft {
  open: boolean;
  patientQuery: string;
  patient: PatientMatch | null;
  target: 'practitioner' | 'profession';
  practitionerId: string | null;
  profession: string | null;
  motifId: string | null;
  before: string;
}

export const WAITLIST_DRAFT_KEY = 'msp-console.waitlist-draft';

export const emptyWaitlistDraft = (today: string): WaitlistDraft => ({
  open: false,
  patientQuery: '',
  patient: null,
  target: 'practitioner',
  practitionerId: null,
  profession: null,
  motifId: null,
  before: addDays(today, 14),
});

interface Props {
  structureId: string;
  today: string;
  practitioners: readonly StructureMember[];
  motifs: readonly MotifDetails[];
  draft: WaitlistDraft;
  onDraftChange(draft: WaitlistDraft): void;
  onClose(): void;
  onJoined(patient: string): void;
}

/**
 * Puts a patient on the waitlist: who (searched by name, as when booking), for which motif, with one practitioner or
 * anyone of a profession, and before which date.
 */
export function JoinWaitlistDialog(props: Props) {
  const { structureId, today, practitioners, motifs, draft, onDraftChange, onClose, onJoined } = props;
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ key: string; text: string } | null>(null);
  const [join, joining] = useMutation(JOIN_WAITLIST, {
    refetchQueries: ['ConsoleWaitlist'],
    awaitRefetchQueries: true,
  });
  const change = (patch: Partial<WaitlistDraft>) => {
    setFailure(null);
    setFieldError(null);
    onDraftChange({ ...draft, ...patch });
  };
  const errorOf = (key: string) => (fieldError?.key === key ? fieldError.text : undefined);
  const professions = [...new Set(practitioners.map((p) => p.profession))].sort();
  // Offers are held as staff bookings: motifs the desk books, the structure's or the chosen practitioner's own.
  const offered = motifs.filter(
    (m) =>
      !m.archivedAt &&
      m.bookableBy.includes('STAFF') &&
      (m.practitionerId === null || (draft.target === 'practitioner' && m.practitionerId === draft.practitionerId)),
  );
  const ready =
    draft.patient &&
    draft.motifId &&
    draft.before &&
    (draft.target === 'practitioner' ? draft.practitionerId : draft.profession);

  const submit = async () => {
    if (!draft.patient || !draft.motifId) return;
    const patient = `${draft.patient.lastName.toUpperCase()} ${draft.patient.firstName}`;
    try {
      await join({
        variables: {
          input: {
            structureId,
            patientId: draft.patient.id,
            motifId: draft.motifId,
            practitionerId: draft.target === 'practitioner' ? draft.practitionerId : null,
            profession: draft.target === 'profession' ? draft.profession : null,
            before: draft.before,
          },
        },
      });
      onJoined(patient);
    } catch (error) {
      // The session ran out: the error link is already on its way to sign-in, with this draft kept.
      if (isUnauthenticated(error)) return;
      const message = describeError(error, t);
      setFieldError(fieldRefusal(fieldOf(error), message, t));
      setFailure(t('waitlist.join.failed', { message }));
    }
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={<strong>{t('waitlist.join.title')}</strong>}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <PatientChoice
            structureId={structureId}
            query={draft.patientQuery}
            onQueryChange={(patientQuery) => change({ patientQuery })}
            selected={draft.patient}
            onSelect={(patient) => change({ patient })}
          />
          <Radio.Group
            label={t('waitlist.join.target')}
            value={draft.target}
            onChange={(target) => change({ target: target as WaitlistDraft['target'], motifId: null })}
          >
            <Group gap="md" mt={4}>
              <Radio value="practitioner" label={t('waitlist.join.targets.practitioner')} />
              <Radio value="profession" label={t('waitlist.join.targets.profession')} />
            </Group>
          </Radio.Group>
          {draft.target === 'practitioner' ? (
            <Select
              label={t('waitlist.join.practitioner')}
              placeholder={t('agendaSettings.choose')}
              required
              searchable
              data={practitioners.map((p) => ({ value: p.id, label: memberName(p) }))}
              value={draft.practitionerId}
              error={errorOf('practitionerId')}
              onChange={(practitionerId) => change({ practitionerId, motifId: null })}
              comboboxProps={{ withinPortal: false }}
            />
          ) : (
            <Select
              label={t('waitlist.join.profession')}
              placeholder={t('agendaSettings.choose')}
              required
              data={professions.map((value) => ({
                value,
                label: t(`meetings.profession.${value}`, { defaultValue: value }),
              }))}
              value={draft.profession}
              error={errorOf('practitionerId')}
              onChange={(profession) => change({ profession })}
              comboboxProps={{ withinPortal: false }}
            />
          )}
          <Select
            label={t('waitlist.join.motif')}
            placeholder={t('agendaSettings.choose')}
            required
            data={offered.map((m) => ({ value: m.id, label: `${m.label} (${m.durationMinutes} min)` }))}
            value={draft.motifId}
            error={errorOf('motifId')}
            onChange={(motifId) => change({ motifId })}
            comboboxProps={{ withinPortal: false }}
          />
          <TextInput
            type="date"
            required
            label={t('waitlist.join.before')}
            description={t('waitlist.join.beforeHint')}
            min={addDays(today, 1)}
            value={draft.before}
            error={errorOf('before')}
            onChange={(event) => change({ before: event.currentTarget.value })}
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
            <Button type="submit" disabled={!ready} loading={joining.loading}>
              {t('waitlist.join.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
