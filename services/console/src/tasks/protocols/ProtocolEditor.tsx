import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../graphql/error-message';
import {
  DRAFT_PROTOCOL_MUTATION,
  EDIT_PROTOCOL_DRAFT_MUTATION,
  type Protocol,
  type ProtocolContent,
  REVISE_PROTOCOL_MUTATION,
  TASK_CATALOGUE_QUERY,
  type ValidationCircuit,
} from '../tasks.queries';

export type EditorMode = 'new' | 'edit' | 'revise' | 'view';

const ROLES = ['practitioner', 'secretary', 'medical_assistant', 'coordinator', 'administrator'] as const;
const CIRCUITS: readonly ValidationCircuit[] = ['none', 'referent_review', 'weekly_review'];

export interface ProtocolForm {
  title: string;
  mission: string;
  procedure: string;
  taskType: string;
  executingRoles: string[];
  professions: string;
  validationCircuit: ValidationCircuit;
  categories: string;
  flags: string;
  keywords: string;
  deadlineHours: number | '';
  standardMinutes: number | '';
}

export function formOf(protocol: Protocol | null): ProtocolForm {
  const c = protocol?.current;
  return {
    title: c?.title ?? '',
    mission: c?.mission ?? '',
    procedure: c?.procedure ?? '',
    taskType: c?.taskType ?? '',
    executingRoles: c?.executingRoles ?? ['medical_assistant'],
    professions: (c?.professions ?? []).join(', '),
    validationCircuit: c?.validationCircuit ?? 'referent_review',
    categories: (c?.alertThresholds.categories ?? []).join(', '),
    flags: (c?.alertThresholds.flags ?? []).join(', '),
    keywords: (c?.alertThresholds.keywords ?? []).join(', '),
    deadlineHours: c?.deadlineHours ?? '',
    standardMinutes: c?.standardMinutes ?? '',
  };
}

const list = (text: string) =>
  text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

function contentOf(form: ProtocolForm): ProtocolContent {
  return {
    title: form.title.trim(),
    mission: form.mission.trim(),
    procedure: form.procedure,
    taskType: form.taskType,
    executingRoles: form.executingRoles,
    professions: list(form.professions),
    validationCircuit: form.validationCircuit,
    alertThresholds: { categories: list(form.categories), flags: list(form.flags), keywords: list(form.keywords) },
    deadlineHours: form.deadlineHours === '' ? null : form.deadlineHours,
    standardMinutes: form.standardMinutes === '' ? null : form.standardMinutes,
  };
}

/** A protocol in form controls (DEL-2): drafted, edited while a draft, revised into a new version once adopted. */
export function ProtocolEditor({
  structureId,
  mode,
  protocol,
  form,
  onFormChange,
  onClose,
  onSaved,
}: {
  structureId: string;
  mode: EditorMode;
  protocol: Protocol | null;
  /** Kept by the caller in sessionStorage: a session that expires meanwhile loses nothing of it. */
  form: ProtocolForm;
  onFormChange: (form: ProtocolForm) => void;
  onClose: () => void;
  onSaved: (saved: Protocol) => void;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const catalogue = useQuery(TASK_CATALOGUE_QUERY, { variables: { structureId } });
  const [draft, drafting] = useMutation(DRAFT_PROTOCOL_MUTATION);
  const [edit, editing] = useMutation(EDIT_PROTOCOL_DRAFT_MUTATION);
  const [revise, revising] = useMutation(REVISE_PROTOCOL_MUTATION);
  const saving = drafting.loading || editing.loading || revising.loading;
  const readOnly = mode === 'view';
  const set = <K extends keyof ProtocolForm>(key: K, value: ProtocolForm[K]) => onFormChange({ ...form, [key]: value });

  const save = async () => {
    setFailure(null);
    const content = contentOf(form);
    try {
      if (mode === 'new') {
        const result = await draft({ variables: { input: { ...content, structureId } } });
        if (result.data) onSaved(result.data.draftProtocol);
      } else if (mode === 'edit' && protocol) {
        const result = await edit({ variables: { input: { ...content, protocolId: protocol.id } } });
        if (result.data) onSaved(result.data.editProtocolDraft);
      } else if (mode === 'revise' && protocol) {
        const result = await revise({ variables: { input: { ...content, protocolId: protocol.id } } });
        if (result.data) onSaved(result.data.reviseProtocol);
      }
    } catch (error) {
      setFailure(t('tasks.editor.failed', { message: describeError(error, t) }));
    }
  };

  const titles: Record<EditorMode, string> = {
    new: t('tasks.editor.newTitle'),
    edit: t('tasks.editor.editTitle'),
    revise: t('tasks.editor.reviseTitle'),
    view: t('tasks.editor.viewTitle'),
  };
  const types = (catalogue.data?.taskCatalogue ?? [])
    .filter((type) => type.active || type.code === form.taskType)
    .map((type) => ({ value: type.code, label: `${type.label} (${type.standardMinutes} min)` }));

  return (
    <Modal opened onClose={onClose} title={titles[mode]} size="xl">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput
            label={t('tasks.editor.title')}
            required
            readOnly={readOnly}
            value={form.title}
            onChange={(e) => set('title', e.currentTarget.value)}
          />
          <Textarea
            label={t('tasks.editor.mission')}
            required
            readOnly={readOnly}
            autosize
            minRows={2}
            value={form.mission}
            onChange={(e) => set('mission', e.currentTarget.value)}
          />
          <Textarea
            label={t('tasks.editor.procedure')}
            required
            readOnly={readOnly}
            autosize
            minRows={4}
            maxRows={12}
            value={form.procedure}
            onChange={(e) => set('procedure', e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('tasks.editor.taskType')}
              required
              readOnly={readOnly}
              data={types}
              value={form.taskType || null}
              onChange={(value) => set('taskType', value ?? '')}
              searchable
            />
            <Select
              label={t('tasks.editor.validationCircuit')}
              required
              readOnly={readOnly}
              allowDeselect={false}
              data={CIRCUITS.map((c) => ({ value: c, label: t(`tasks.circuit.${c}`) }))}
              value={form.validationCircuit}
              onChange={(value) => set('validationCircuit', (value ?? 'none') as ValidationCircuit)}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('tasks.editor.executingRoles')}
            required
            readOnly={readOnly}
            data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={form.executingRoles}
            onChange={(value) => set('executingRoles', value)}
          />
          <TextInput
            label={t('tasks.editor.professions')}
            readOnly={readOnly}
            value={form.professions}
            onChange={(e) => set('professions', e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('tasks.editor.categories')}
              readOnly={readOnly}
              value={form.categories}
              onChange={(e) => set('categories', e.currentTarget.value)}
            />
            <TextInput
              label={t('tasks.editor.flags')}
              readOnly={readOnly}
              value={form.flags}
              onChange={(e) => set('flags', e.currentTarget.value)}
            />
            <TextInput
              label={t('tasks.editor.keywords')}
              readOnly={readOnly}
              value={form.keywords}
              onChange={(e) => set('keywords', e.currentTarget.value)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('tasks.editor.deadlineHours')}
              readOnly={readOnly}
              min={1}
              allowDecimal={false}
              value={form.deadlineHours}
              onChange={(value) => set('deadlineHours', typeof value === 'number' ? value : '')}
            />
            <NumberInput
              label={t('tasks.editor.standardMinutes')}
              readOnly={readOnly}
              min={1}
              allowDecimal={false}
              value={form.standardMinutes}
              onChange={(value) => set('standardMinutes', typeof value === 'number' ? value : '')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {readOnly ? t('tasks.editor.close') : t('tasks.editor.cancel')}
            </Button>
            {!readOnly && (
              <Button type="submit" loading={saving}>
                {saving ? t('tasks.editor.saving') : t('tasks.editor.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
