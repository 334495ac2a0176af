import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldOf, refusalOf } from '../../graphql/error-message';
import { useWorkplace } from '../../workplace/workplace';
import { hasAnyRole, MOTIF_ROLES } from '../agenda-roles';
import {
  BOOKING_CHANNELS,
  type BookingChannel,
  CONSULTATION_CHANNELS,
  type ConsultationChannel,
  CREATE_MOTIF,
  EDIT_MOTIF,
  type MotifDetails,
  type MotifSettings,
  type StructureMember,
} from './agenda-settings.queries';
import { memberName } from './practitioners';
import { fieldRefusal } from './range-labels';

const STRUCTURE = 'structure';

interface MotifForm {
  label: string;
  durationMinutes: number | string;
  channel: ConsultationChannel;
  bookableBy: string[];
  newPatientsAllowed: boolean;
  bufferAfterMinutes: number | string;
  minNoticeMinutes: number | string;
  maxHorizonDays: number | string;
  owner: string;
}

function formOf(motif: MotifDetails | null, owner: string): MotifForm {
  return {
    label: motif?.label ?? '',
    durationMinutes: motif?.durationMinutes ?? 20,
    channel: motif?.channel ?? 'CABINET',
    bookableBy: motif?.bookableBy ?? ['STAFF'],
    newPatientsAllowed: motif?.newPatientsAllowed ?? true,
    bufferAfterMinutes: motif?.bufferAfterMinutes ?? 0,
    minNoticeMinutes: motif?.minNoticeMinutes ?? 0,
    maxHorizonDays: motif?.maxHorizonDays ?? 90,
    owner: motif ? (motif.practitionerId ?? STRUCTURE) : owner,
  };
}

function settingsOf(form: MotifForm): MotifSettings {
  return {
    label: form.label.trim(),
    durationMinutes: Number(form.durationMinutes),
    channel: form.channel,
    bookableBy: form.bookableBy as BookingChannel[],
    newPatientsAllowed: form.newPatientsAllowed,
    bufferAfterMinutes: Number(form.bufferAfterMinutes),
    minNoticeMinutes: Number(form.minNoticeMinutes),
    maxHorizonDays: Number(form.maxHorizonDays),
  };
}

/** Only what changed: scheduling keeps the rest (`editMotif`). */
function editsOf(motif: MotifDetails, next: MotifSettings): Partial<MotifSettings> {
  const edits: Partial<MotifSettings> = {};
  for (const key of Object.keys(next) as Array<keyof MotifSettings>) {
    const before = motif[key];
    const after = next[key];
    const same =
      Array.isArray(before) && Array.isArray(after)
        ? [...before].sort().join() === [...after].sort().join()
        : before === after;
    if (!same) Object.assign(edits, { [key]: after });
  }
  return edits;
}

interface Props {
  structureId: string;
  /** The motif edited; null: a new one. */
  motif: MotifDetails | null;
  practitioners: readonly StructureMember[];
  onClose(): void;
  onSaved(message: string): void;
  onStale(): void;
}

/** A motif's settings: a new one (the structure's or one practitioner's), or a change for the bookings to come. */
export function MotifDialog({ structureId, motif, practitioners, onClose, onSaved, onStale }: Props) {
  const { t } = useTranslation();
  const { member, roles } = useWorkplace();
  // A practitioner without a managing role creates motifs of their own agenda only (scheduling's rule).
  const ownOnly = !hasAnyRole(roles, MOTIF_ROLES);
  const [form, setForm] = useState<MotifForm>(() => formOf(motif, ownOnly ? member.id : STRUCTURE));
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ key: string; text: string } | null>(null);
  const [create, creating] = useMutation(CREATE_MOTIF, { refetchQueries: ['ConsoleMotifDetails', 'ConsoleMotifs'] });
  const [edit, editing] = useMutation(EDIT_MOTIF, { refetchQueries: ['ConsoleMotifDetails', 'ConsoleMotifs'] });
  const change = (patch: Partial<MotifForm>) => {
    setFailure(null);
    setFieldError(null);
    setForm({ ...form, ...patch });
  };
  const errorOf = (key: string) => (fieldError?.key === key ? fieldError.text : undefined);
  const owners = [
    ...(ownOnly ? [] : [{ value: STRUCTURE, label: t('agendaSettings.motifs.structureWide') }]),
    ...practitioners.filter((p) => !ownOnly || p.id === member.id).map((p) => ({ value: p.id, label: memberName(p) })),
  ];

  const submit = async () => {
    setFailure(null);
    setFieldError(null);
    const settings = settingsOf(form);
    try {
      if (!motif) {
        const practitionerId = form.owner === STRUCTURE ? null : form.owner;
        await create({ variables: { input: { ...settings, structureId, practitionerId } } });
        onSaved(t('agendaSettings.motifs.created', { label: settings.label }));
        return;
      }
      const edits = editsOf(motif, settings);
      if (!Object.keys(edits).length) return setFailure(t('agendaSettings.motifForm.nothingChanged'));
      await edit({ variables: { input: { ...edits, motifId: motif.id, version: motif.version } } });
      onSaved(t('agendaSettings.motifs.edited', { label: settings.label }));
    } catch (error) {
      if (refusalOf(error).reason === 'SCHEDULING.STALE_VERSION') return onStale();
      const message = describeError(error, t);
      setFieldError(fieldRefusal(fieldOf(error), message, t));
      setFailure(t('agendaSettings.motifs.failed', { message }));
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={<strong>{t(motif ? 'agendaSettings.motifForm.editTitle' : 'agendaSettings.motifForm.newTitle')}</strong>}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            required
            label={t('agendaSettings.motifForm.label')}
            maxLength={80}
            value={form.label}
            error={errorOf('label')}
            onChange={(event) => change({ label: event.currentTarget.value })}
          />
          {!motif && (
            <Select
              label={t('agendaSettings.motifForm.owner')}
              allowDeselect={false}
              searchable
              data={owners}
              value={form.owner}
              onChange={(owner) => owner && change({ owner })}
              comboboxProps={{ withinPortal: false }}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput
              required
              label={t('agendaSettings.motifForm.duration')}
              description={motif ? t('agendaSettings.motifForm.durationHint') : undefined}
              min={1}
              max={480}
              allowDecimal={false}
              value={form.durationMinutes}
              error={errorOf('durationMinutes')}
              onChange={(durationMinutes) => change({ durationMinutes })}
            />
            <Select
              label={t('agendaSettings.motifForm.channel')}
              allowDeselect={false}
              data={CONSULTATION_CHANNELS.map((value) => ({
                value,
                label: t(`agendaSettings.motifs.channels.${value}`),
              }))}
              value={form.channel}
              onChange={(channel) => channel && change({ channel: channel as ConsultationChannel })}
              comboboxProps={{ withinPortal: false }}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('agendaSettings.motifForm.bookableBy')}
            value={form.bookableBy}
            onChange={(bookableBy) => change({ bookableBy })}
            error={errorOf('bookableBy')}
          >
            <Group gap="md" mt={6}>
              {BOOKING_CHANNELS.map((value) => (
                <Checkbox key={value} value={value} label={t(`agendaSettings.motifs.bookingChannels.${value}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox
            label={t('agendaSettings.motifForm.newPatients')}
            checked={form.newPatientsAllowed}
            onChange={(event) => change({ newPatientsAllowed: event.currentTarget.checked })}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <NumberInput
              label={t('agendaSettings.motifForm.buffer')}
              min={0}
              max={120}
              allowDecimal={false}
              value={form.bufferAfterMinutes}
              error={errorOf('bufferAfterMinutes')}
              onChange={(bufferAfterMinutes) => change({ bufferAfterMinutes })}
            />
            <NumberInput
              label={t('agendaSettings.motifForm.notice')}
              min={0}
              allowDecimal={false}
              value={form.minNoticeMinutes}
              error={errorOf('minNoticeMinutes')}
              onChange={(minNoticeMinutes) => change({ minNoticeMinutes })}
            />
            <NumberInput
              label={t('agendaSettings.motifForm.horizon')}
              min={1}
              max={730}
              allowDecimal={false}
              value={form.maxHorizonDays}
              error={errorOf('maxHorizonDays')}
              onChange={(maxHorizonDays) => change({ maxHorizonDays })}
            />
          </SimpleGrid>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('agendaSettings.cancel')}
            </Button>
            <Button type="submit" loading={creating.loading || editing.loading}>
              {t(motif ? 'agendaSettings.motifForm.submitEdit' : 'agendaSettings.motifForm.submitNew')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
