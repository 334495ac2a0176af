import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayAt } from '../../common/zoned-time';
import { describeError, fieldOf, refusalOf } from '../../graphql/error-message';
import {
  DEFINE_OPENING_RANGE,
  EDIT_OPENING_RANGE,
  MOTIF_DETAILS_QUERY,
  type OpeningRange,
  type OpeningRangeChange,
  type RangeDefinition,
  type StructureMember,
} from './agenda-settings.queries';
import { memberName } from './practitioners';
import { fieldRefusal } from './range-labels';
import { recurrenceOf, weeklyDaysOf } from './range-format';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const INTERVALS = ['1', '2', '3', '4'] as const;

export type RangeDialogMode = { kind: 'new' } | { kind: 'edit'; range: OpeningRange };

interface RangeForm {
  weekdays: string[];
  interval: string;
  startTime: string;
  endTime: string;
  validFrom: string;
  validUntil: string;
  from: string;
  motifIds: string[];
  snpPercent: number | string;
  snpDaysBefore: number | string;
  snpAt: string;
}

function formOf(mode: RangeDialogMode, today: string): RangeForm {
  if (mode.kind === 'new')
    return {
      weekdays: [],
      interval: '1',
      startTime: '09:00',
      endTime: '12:00',
      validFrom: today,
      validUntil: '',
      from: today,
      motifIds: [],
      snpPercent: 0,
      snpDaysBefore: 1,
      snpAt: '18:00',
    };
  const { range } = mode;
  const days = weeklyDaysOf(range.recurrence);
  return {
    weekdays: days ? days.weekdays.map(String) : [],
    interval: String(days?.intervalWeeks ?? 1),
    startTime: range.startTime,
    endTime: range.endTime,
    validFrom: range.validFrom,
    validUntil: range.validUntil ?? '',
    // A range not begun yet is rewritten from its first day; one that has begun changes from today on.
    from: range.validFrom > today ? range.validFrom : today,
    motifIds: [...range.motifIds],
    snpPercent: Math.round(range.snpShare * 100),
    snpDaysBefore: range.snpRelease.daysBefore,
    snpAt: range.snpRelease.at,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** What the form says of the range, in scheduling's terms. */
function definitionOf(form: RangeForm): RangeDefinition {
  return {
    ...recurrenceOf({ weekdays: form.weekdays.map(Number), intervalWeeks: Number(form.interval) }),
    startTime: form.startTime,
    endTime: form.endTime,
    motifIds: form.motifIds,
    snpShare: Number(form.snpPercent) / 100,
    snpRelease: { daysBefore: Number(form.snpDaysBefore), at: form.snpAt },
  };
}

/** Only what changed: scheduling keeps the rest of the range as it was (`editOpeningRange`). */
function editsOf(range: OpeningRange, form: RangeForm): Partial<RangeDefinition> {
  const edits: Partial<RangeDefinition> = {};
  const before = weeklyDaysOf(range.recurrence);
  const daysChanged = before
    ? !sameSet(before.weekdays.map(String), form.weekdays) || before.intervalWeeks !== Number(form.interval)
    : form.weekdays.length > 0;
  const next = definitionOf(form);
  if (daysChanged) Object.assign(edits, { weekdays: next.weekdays, recurrence: next.recurrence });
  if (form.startTime !== range.startTime) edits.startTime = form.startTime;
  if (form.endTime !== range.endTime) edits.endTime = form.endTime;
  if (!sameSet(form.motifIds, range.motifIds)) edits.motifIds = form.motifIds;
  if (Math.abs(next.snpShare - range.snpShare) > 0.0001) edits.snpShare = next.snpShare;
  if (next.snpRelease.daysBefore !== range.snpRelease.daysBefore || next.snpRelease.at !== range.snpRelease.at)
    edits.snpRelease = next.snpRelease;
  return edits;
}

interface Props {
  mode: RangeDialogMode;
  structureId: string;
  practitioner: StructureMember;
  site: { id: string; name: string; timeZone: string };
  onClose(): void;
  onDefined(range: OpeningRange): void;
  onEdited(change: OpeningRangeChange, from: string): void;
  /** The range changed meanwhile (another version): the page reads it again. */
  onStale?(): void;
}

/**
 * A new opening range, or a change to one from a date on: days (every week, or one week in two…), hours in the site's
 * zone, validity, the motifs offered, the share held back for unscheduled care and when it is released.
 */
export function RangeDialog({ mode, structureId, practitioner, site, onClose, onDefined, onEdited, onStale }: Props) {
  const { t } = useTranslation();
  const today = todayAt(site.timeZone);
  const [form, setForm] = useState<RangeForm>(() => formOf(mode, today));
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ key: string; text: string } | null>(null);
  const motifs = useQuery(MOTIF_DETAILS_QUERY, { variables: { structureId, includeArchived: true } });
  const refetchQueries = ['ConsoleOpeningRanges', 'ConsoleOutsideAppointments'];
  const [define, defining] = useMutation(DEFINE_OPENING_RANGE, { refetchQueries, awaitRefetchQueries: true });
  const [edit, editing] = useMutation(EDIT_OPENING_RANGE, { refetchQueries, awaitRefetchQueries: true });
  const editedRange = mode.kind === 'edit' ? mode.range : null;
  const keptRule = editedRange && !weeklyDaysOf(editedRange.recurrence) ? editedRange.recurrence : null;
  const offered = (motifs.data?.motifs ?? []).filter(
    (m) =>
      (m.practitionerId === null || m.practitionerId === practitioner.id) &&
      (!m.archivedAt || editedRange?.motifIds.includes(m.id)),
  );
  const change = (patch: Partial<RangeForm>) => {
    setFailure(null);
    setFieldError(null);
    setForm({ ...form, ...patch });
  };
  const errorOf = (...keys: string[]) => (fieldError && keys.includes(fieldError.key) ? fieldError.text : undefined);

  const refused = (error: unknown, failedKey: string) => {
    if (refusalOf(error).reason === 'SCHEDULING.STALE_VERSION' && onStale) return onStale();
    const message = describeError(error, t);
    setFieldError(fieldRefusal(fieldOf(error), message, t));
    setFailure(t(failedKey, { message }));
  };

  const submit = async () => {
    setFailure(null);
    setFieldError(null);
    if (!editedRange) {
      if (!form.weekdays.length) return setFieldError({ key: 'weekdays', text: t('agendaSettings.rangeForm.noDay') });
      try {
        const answer = await define({
          variables: {
            input: {
              ...definitionOf(form),
              practitionerId: practitioner.id,
              siteId: site.id,
              validFrom: form.validFrom,
              validUntil: form.validUntil || null,
            },
          },
        });
        if (answer.data) onDefined(answer.data.defineOpeningRange);
      } catch (error) {
        refused(error, 'agendaSettings.rangeForm.failed');
      }
      return;
    }
    if (!form.weekdays.length && !keptRule)
      return setFieldError({ key: 'weekdays', text: t('agendaSettings.rangeForm.noDay') });
    const edits = editsOf(editedRange, form);
    if (!Object.keys(edits).length) return setFailure(t('agendaSettings.rangeForm.nothingChanged'));
    try {
      const answer = await edit({
        variables: {
          input: { ...edits, openingRangeId: editedRange.id, version: editedRange.version, from: form.from },
        },
      });
      if (answer.data) onEdited(answer.data.editOpeningRange, form.from);
    } catch (error) {
      refused(error, 'agendaSettings.rangeForm.failed');
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        <strong>{t(editedRange ? 'agendaSettings.rangeForm.editTitle' : 'agendaSettings.rangeForm.newTitle')}</strong>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {t('agendaSettings.rangeForm.who', { name: memberName(practitioner), site: site.name })}
          </Text>
          {editedRange && (
            <TextInput
              type="date"
              required
              label={t('agendaSettings.rangeForm.from')}
              description={t('agendaSettings.rangeForm.fromHint')}
              min={today}
              value={form.from}
              error={errorOf('from')}
              onChange={(event) => change({ from: event.currentTarget.value })}
            />
          )}
          <Checkbox.Group
            label={t('agendaSettings.rangeForm.days')}
            description={keptRule ? t('agendaSettings.rangeForm.keptRule', { rule: keptRule }) : undefined}
            value={form.weekdays}
            onChange={(weekdays) => change({ weekdays })}
            error={errorOf('weekdays', 'recurrence')}
          >
            <Group gap="sm" mt={6}>
              {WEEKDAYS.map((day) => (
                <Checkbox key={day} value={day} label={t(`agendaSettings.weekdayNames.${day}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Select
            label={t('agendaSettings.rangeForm.frequency')}
            allowDeselect={false}
            data={INTERVALS.map((value) => ({ value, label: t(`agendaSettings.rangeForm.frequencies.${value}`) }))}
            value={form.interval}
            onChange={(interval) => interval && change({ interval })}
            comboboxProps={{ withinPortal: false }}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              type="time"
              required
              label={t('agendaSettings.rangeForm.startTime')}
              value={form.startTime}
              error={errorOf('startTime')}
              onChange={(event) => change({ startTime: event.currentTarget.value })}
            />
            <TextInput
              type="time"
              required
              label={t('agendaSettings.rangeForm.endTime')}
              value={form.endTime}
              error={errorOf('endTime')}
              onChange={(event) => change({ endTime: event.currentTarget.value })}
            />
            {!editedRange && (
              <>
                <TextInput
                  type="date"
                  required
                  label={t('agendaSettings.rangeForm.validFrom')}
                  value={form.validFrom}
                  error={errorOf('validFrom')}
                  onChange={(event) => change({ validFrom: event.currentTarget.value })}
                />
                <TextInput
                  type="date"
                  label={t('agendaSettings.rangeForm.validUntil')}
                  value={form.validUntil}
                  min={form.validFrom}
                  error={errorOf('validUntil')}
                  onChange={(event) => change({ validUntil: event.currentTarget.value })}
                />
              </>
            )}
          </SimpleGrid>
          <MultiSelect
            label={t('agendaSettings.rangeForm.motifs')}
            description={t('agendaSettings.rangeForm.motifsHint')}
            data={offered.map((m) => ({ value: m.id, label: m.label }))}
            value={form.motifIds}
            onChange={(motifIds) => change({ motifIds })}
            error={errorOf('motifIds')}
            searchable
            clearable
            comboboxProps={{ withinPortal: false }}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <NumberInput
              label={t('agendaSettings.rangeForm.snpShare')}
              min={0}
              max={100}
              allowDecimal={false}
              value={form.snpPercent}
              error={errorOf('snpShare')}
              onChange={(snpPercent) => change({ snpPercent })}
            />
            <NumberInput
              label={t('agendaSettings.rangeForm.snpDaysBefore')}
              description={t('agendaSettings.rangeForm.snpDaysBeforeHint')}
              min={0}
              max={14}
              allowDecimal={false}
              value={form.snpDaysBefore}
              error={errorOf('snpRelease')}
              onChange={(snpDaysBefore) => change({ snpDaysBefore })}
            />
            <TextInput
              type="time"
              label={t('agendaSettings.rangeForm.snpAt')}
              value={form.snpAt}
              onChange={(event) => change({ snpAt: event.currentTarget.value })}
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
            <Button type="submit" loading={defining.loading || editing.loading}>
              {t(editedRange ? 'agendaSettings.rangeForm.submitEdit' : 'agendaSettings.rangeForm.submitNew')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
