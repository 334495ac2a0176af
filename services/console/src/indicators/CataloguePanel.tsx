import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { useSessionDraft } from '../common/use-session-draft';
import { describeError } from '../graphql/error-message';
import { levelText } from './format';
import {
  type Catalogue,
  type CatalogueIndicator,
  INDICATOR_CATALOGUE_QUERY,
  INDICATOR_SETTINGS_QUERY,
  type IndicatorSetting,
  SET_INDICATOR_VALUE_MUTATION,
} from './indicators.queries';
import { catalogueRank } from './ScoresSection';

type Field = 'objectives.intermediate' | 'objectives.target';

interface Draft {
  open: boolean;
  catalogue: string;
  indicatorCode: string;
  field: Field;
  value: string;
  source: string;
}

const EMPTY_DRAFT: Draft = {
  open: false,
  catalogue: '',
  indicatorCode: '',
  field: 'objectives.intermediate',
  value: '',
  source: '',
};
const DRAFT_KEY = 'msp-console.indicators.catalogue-value';

/** Whether a value was being set when the session expired: the page then opens on this tab, the dialog as it was. */
export function catalogueDraftOpen(): boolean {
  try {
    return (JSON.parse(window.sessionStorage.getItem(DRAFT_KEY) ?? '{}') as Partial<Draft>).open === true;
  } catch {
    return false;
  }
}

/** A value the structure may set: not read in an official text ("à compléter", or the platform's default). */
const settable = (status: string) => status === 'to_be_completed' || status === 'platform';

function objectiveOf(indicator: CatalogueIndicator, field: Field) {
  return field === 'objectives.intermediate'
    ? { value: indicator.intermediateObjective, status: indicator.intermediateObjectiveStatus }
    : { value: indicator.targetObjective, status: indicator.targetObjectiveStatus };
}

interface Props {
  structureId: string;
  /** Administrators edit; coordinators and practitioners read. */
  canEdit: boolean;
  today: string;
}

/** The catalogues' objectives no text fixes: what the structure set, with its source; administrators set them. */
export function CataloguePanel({ structureId, canEdit, today }: Props) {
  const { t } = useTranslation();
  const catalogue = useQuery(INDICATOR_CATALOGUE_QUERY, { variables: { structureId } });
  const settings = useQuery(INDICATOR_SETTINGS_QUERY, { variables: { structureId } });
  const [draft, setDraft, clearDraft] = useSessionDraft<Draft>(DRAFT_KEY, EMPTY_DRAFT);
  const [saved, setSaved] = useState<string | null>(null);

  const inForce = useMemo(
    () =>
      (catalogue.data?.indicatorCatalogue ?? [])
        .filter((c) => c.validFrom <= today && (c.validTo === null || c.validTo >= today))
        .sort((a, b) => catalogueRank(a.code) - catalogueRank(b.code)),
    [catalogue.data, today],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const shown: Catalogue | undefined = inForce.find((c) => `${c.code}@${c.version}` === chosen) ?? inForce[0];
  const rows = (shown?.indicators ?? []).filter(
    (i) => settable(i.intermediateObjectiveStatus) || settable(i.targetObjectiveStatus),
  );
  const settingOf = (indicatorCode: string, field: Field): IndicatorSetting | undefined =>
    settings.data?.indicatorSettings.find(
      (s) => s.catalogue === shown?.code && s.indicatorCode === indicatorCode && s.field === field,
    );

  const cell = (indicator: CatalogueIndicator, field: Field) => {
    const set = settingOf(indicator.code, field);
    if (set)
      return (
        <Text size="sm">
          {t('indicators.catalogue.setValue', { value: levelText(set.value, indicator.unit), source: set.source })}
        </Text>
      );
    const { value, status } = objectiveOf(indicator, field);
    if (status === 'to_be_completed' || value === null)
      return (
        <Badge color="pink" variant="light">
          {t('indicators.catalogue.toComplete')}
        </Badge>
      );
    const shownValue = levelText(value, indicator.unit);
    return (
      <Text size="sm">
        {status === 'platform'
          ? t('indicators.catalogue.platformDefault', { value: shownValue })
          : t('indicators.catalogue.confirmed', { value: shownValue })}
      </Text>
    );
  };

  // From the draft's own catalogue: a dialog restored after signing in again reopens whichever catalogue is shown.
  const editing = draft.open
    ? inForce.find((c) => c.code === draft.catalogue)?.indicators.find((i) => i.code === draft.indicatorCode)
    : undefined;
  const open = (indicator: CatalogueIndicator) => {
    setSaved(null);
    const field: Field = settable(indicator.intermediateObjectiveStatus)
      ? 'objectives.intermediate'
      : 'objectives.target';
    const current = settingOf(indicator.code, field);
    setDraft({
      open: true,
      catalogue: shown?.code ?? '',
      indicatorCode: indicator.code,
      field,
      value: current ? String(current.value) : '',
      source: current?.source ?? '',
    });
  };

  return (
    <Paper component="section" withBorder p="md" aria-labelledby="catalogue-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="catalogue-title">
          {t('indicators.catalogue.title')}
        </Title>
        <Text size="sm">{t('indicators.catalogue.intro')}</Text>
        {!canEdit && (
          <Alert color="blue" variant="light">
            {t('indicators.catalogue.readOnly')}
          </Alert>
        )}
        {saved && (
          <Alert
            color="green"
            role="status"
            withCloseButton
            closeButtonLabel={t('indicators.catalogue.closeMessage')}
            onClose={() => setSaved(null)}
          >
            {saved}
          </Alert>
        )}
        {(catalogue.error ?? settings.error) && (
          <ErrorState
            message={t('indicators.catalogue.failed', { message: describeError(catalogue.error ?? settings.error, t) })}
            onRetry={() => {
              void catalogue.refetch();
              void settings.refetch();
            }}
          />
        )}
        {(catalogue.loading || settings.loading) && <LoadingState label={t('indicators.catalogue.loading')} />}
        {inForce.length > 0 && (
          <Select
            label={t('indicators.catalogue.filter')}
            allowDeselect={false}
            maw={420}
            data={inForce.map((c) => ({ value: `${c.code}@${c.version}`, label: `${c.label} (${c.version})` }))}
            value={shown ? `${shown.code}@${shown.version}` : null}
            onChange={setChosen}
          />
        )}
        {shown && rows.length === 0 && <Text>{t('indicators.catalogue.none')}</Text>}
        {shown && rows.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('indicators.catalogue.indicator')}</Table.Th>
                  <Table.Th scope="col">{t('indicators.catalogue.intermediate')}</Table.Th>
                  <Table.Th scope="col">{t('indicators.catalogue.target')}</Table.Th>
                  {canEdit && <Table.Th scope="col">{t('indicators.catalogue.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((indicator) => (
                  <Table.Tr key={indicator.code}>
                    <Table.Th scope="row" fw={400}>
                      <Text size="sm" fw={600}>
                        {indicator.label}
                      </Text>
                      <Text size="xs" c="gray.7">
                        {indicator.code}
                      </Text>
                    </Table.Th>
                    <Table.Td>{cell(indicator, 'objectives.intermediate')}</Table.Td>
                    <Table.Td>{cell(indicator, 'objectives.target')}</Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={t('indicators.catalogue.editLabel', { code: indicator.code })}
                          onClick={() => open(indicator)}
                        >
                          {t('indicators.catalogue.edit')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {canEdit && draft.open && editing && (
        <ValueDialog
          structureId={structureId}
          indicator={editing}
          draft={draft}
          onDraftChange={setDraft}
          onClose={clearDraft}
          onSaved={(message) => {
            clearDraft();
            setSaved(message);
          }}
        />
      )}
    </Paper>
  );
}

function ValueDialog({
  structureId,
  indicator,
  draft,
  onDraftChange,
  onClose,
  onSaved,
}: {
  structureId: string;
  indicator: CatalogueIndicator;
  draft: Draft;
  onDraftChange: (next: Draft) => void;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [setValue, { loading }] = useMutation(SET_INDICATOR_VALUE_MUTATION, {
    refetchQueries: ['ConsoleIndicatorSettings', 'ConsoleIndicatorScores', 'ConsoleIndicatorAlerts'],
    awaitRefetchQueries: true,
  });
  const fields = (['objectives.intermediate', 'objectives.target'] as const).filter((f) =>
    settable(objectiveOf(indicator, f).status),
  );
  const fieldLabel = (field: Field) =>
    t(field === 'objectives.intermediate' ? 'indicators.catalogue.intermediate' : 'indicators.catalogue.target');
  const value = draft.value === '' ? null : Number(draft.value);
  const valid = value !== null && Number.isFinite(value) && draft.source.trim() !== '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid || value === null) return;
    setFailure(null);
    try {
      await setValue({
        variables: {
          input: {
            structureId,
            catalogue: draft.catalogue,
            indicatorCode: indicator.code,
            field: draft.field,
            value,
            source: draft.source.trim(),
          },
        },
      });
      onSaved(
        t('indicators.catalogue.saved', {
          field: fieldLabel(draft.field),
          code: indicator.code,
          value: levelText(value, indicator.unit),
        }),
      );
    } catch (error) {
      setFailure(t('indicators.catalogue.saveFailed', { message: describeError(error, t) }));
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('indicators.catalogue.dialogTitle', { code: indicator.code })} size="md">
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <Text size="sm">{indicator.label}</Text>
          <Select
            label={t('indicators.catalogue.field')}
            allowDeselect={false}
            data={fields.map((f) => ({ value: f, label: fieldLabel(f) }))}
            value={draft.field}
            onChange={(next) => onDraftChange({ ...draft, field: (next as Field | null) ?? draft.field })}
          />
          <NumberInput
            label={t('indicators.catalogue.value')}
            description={indicator.unit === 'rate' ? t('indicators.catalogue.valueHint') : undefined}
            decimalSeparator=","
            min={0}
            required
            value={draft.value === '' ? '' : Number(draft.value)}
            onChange={(next) => onDraftChange({ ...draft, value: next === '' ? '' : String(next) })}
          />
          <TextInput
            label={t('indicators.catalogue.source')}
            description={t('indicators.catalogue.sourceHint')}
            required
            value={draft.source}
            onChange={(event) => onDraftChange({ ...draft, source: event.currentTarget.value })}
          />
          {failure && <ErrorState message={failure} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('indicators.catalogue.cancel')}
            </Button>
            <Button type="submit" disabled={!valid} loading={loading}>
              {loading ? t('indicators.catalogue.saving') : t('indicators.catalogue.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
