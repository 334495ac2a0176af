import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSessionDraft } from '../../common/use-session-draft';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../common/ErrorState';
import { LoadingState } from '../../common/LoadingState';
import { describeError } from '../../graphql/error-message';
import { useWorkplace } from '../../workplace/workplace';
import {
  ADOPT_PROTOCOL_MUTATION,
  type Protocol,
  PROTOCOLS_QUERY,
  RETIRE_PROTOCOL_MUTATION,
  TASK_CATALOGUE_QUERY,
} from '../tasks.queries';
import { type EditorMode, formOf, ProtocolEditor, type ProtocolForm } from './ProtocolEditor';

interface EditorDraft {
  open: boolean;
  mode: EditorMode;
  protocolId: string | null;
  form: ProtocolForm | null;
}

const PROTOCOL_DRAFT_KEY = 'msp-console.protocol-draft';
const NO_DRAFT: EditorDraft = { open: false, mode: 'new', protocolId: null, form: null };

const STATUS_COLOURS: Record<Protocol['status'], string> = { draft: 'dark.6', adopted: 'teal.9', retired: 'red.9' };

/**
 * The structure's delegation protocols (DEL-2). Practitioners, coordinators and administrators draft and edit them;
 * only a physician adopts, revises or retires: medical control stays with the physicians.
 */
export function ProtocolsPanel() {
  const { t } = useTranslation();
  const { membership, roles } = useWorkplace();
  const structureId = membership.structure.id;
  const protocols = useQuery(PROTOCOLS_QUERY, { variables: { structureId } });
  const catalogue = useQuery(TASK_CATALOGUE_QUERY, { variables: { structureId } });
  const [adopt] = useMutation(ADOPT_PROTOCOL_MUTATION);
  const [retire] = useMutation(RETIRE_PROTOCOL_MUTATION);
  // The editor and what is typed in it survive a session that expires meanwhile (back from the sign-in as it was).
  const [draft, setDraft, clearDraft] = useSessionDraft(PROTOCOL_DRAFT_KEY, NO_DRAFT);
  const setEditing = ({ mode, protocol }: { mode: EditorMode; protocol: Protocol | null }) =>
    setDraft({ open: true, mode, protocolId: protocol?.id ?? null, form: formOf(protocol) });
  const [notice, setNotice] = useState<{ ok: boolean; message: string } | null>(null);

  const mayDraft = roles.some((role) => role === 'practitioner' || role === 'coordinator' || role === 'administrator');
  const isPhysician = roles.includes('practitioner');
  const typeLabel = (code: string) => catalogue.data?.taskCatalogue.find((type) => type.code === code)?.label ?? code;

  const act = async (protocol: Protocol, action: 'adopt' | 'retire') => {
    setNotice(null);
    try {
      if (action === 'adopt') await adopt({ variables: { protocolId: protocol.id } });
      else await retire({ variables: { protocolId: protocol.id } });
      setNotice({
        ok: true,
        message: t(action === 'adopt' ? 'tasks.protocols.adopted' : 'tasks.protocols.retired', {
          title: protocol.current.title,
        }),
      });
      void protocols.refetch();
    } catch (error) {
      setNotice({ ok: false, message: t('tasks.protocols.failed', { message: describeError(error, t) }) });
    }
  };

  const editedProtocol = protocols.data?.delegationProtocols.find((p) => p.id === draft.protocolId);
  const rows = [...(protocols.data?.delegationProtocols ?? [])].sort((a, b) =>
    a.current.title.localeCompare(b.current.title, 'fr'),
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('tasks.protocols.heading')}
        </Title>
        {mayDraft && (
          <Button onClick={() => setEditing({ mode: 'new', protocol: null })}>{t('tasks.protocols.new')}</Button>
        )}
      </Group>
      {!mayDraft && (
        <Text size="sm" c="gray.8">
          {t('tasks.protocols.readOnly')}
        </Text>
      )}
      {notice && (
        <Alert
          color={notice.ok ? 'green' : 'red'}
          role={notice.ok ? 'status' : 'alert'}
          withCloseButton
          closeButtonLabel={t('tasks.board.closeMessage')}
          onClose={() => setNotice(null)}
        >
          {notice.message}
        </Alert>
      )}
      {protocols.error && (
        <ErrorState
          message={t('tasks.protocols.loadFailed', { message: describeError(protocols.error, t) })}
          onRetry={() => void protocols.refetch()}
        />
      )}
      {protocols.loading && <LoadingState label={t('tasks.protocols.loading')} />}
      {protocols.data && !rows.length && <Text>{t('tasks.protocols.empty')}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover withTableBorder aria-label={t('tasks.protocols.listLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tasks.protocols.columns.title')}</Table.Th>
                <Table.Th>{t('tasks.protocols.columns.type')}</Table.Th>
                <Table.Th>{t('tasks.protocols.columns.circuit')}</Table.Th>
                <Table.Th>{t('tasks.protocols.columns.roles')}</Table.Th>
                <Table.Th>{t('tasks.protocols.columns.status')}</Table.Th>
                <Table.Th>{t('tasks.protocols.columns.version')}</Table.Th>
                <Table.Th>{t('tasks.protocols.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((protocol) => {
                const title = protocol.current.title;
                return (
                  <Table.Tr key={protocol.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {title}
                      </Text>
                      <Text size="xs" c="gray.8" lineClamp={2}>
                        {protocol.current.mission}
                      </Text>
                    </Table.Td>
                    <Table.Td>{typeLabel(protocol.current.taskType)}</Table.Td>
                    <Table.Td>{t(`tasks.circuit.${protocol.current.validationCircuit}`)}</Table.Td>
                    <Table.Td>{protocol.current.executingRoles.map((role) => t(`roles.${role}`)).join(', ')}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={700} c={STATUS_COLOURS[protocol.status]}>
                        {t(`tasks.protocols.status.${protocol.status}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{protocol.currentVersion}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="wrap">
                        {protocol.status === 'draft' && mayDraft && (
                          <Button
                            size="compact-xs"
                            variant="default"
                            aria-label={t('tasks.protocols.editLabel', { title })}
                            onClick={() => setEditing({ mode: 'edit', protocol })}
                          >
                            {t('tasks.protocols.edit')}
                          </Button>
                        )}
                        {protocol.status === 'draft' && isPhysician && (
                          <Button
                            size="compact-xs"
                            color="teal.9"
                            aria-label={t('tasks.protocols.adoptLabel', { title })}
                            onClick={() => void act(protocol, 'adopt')}
                          >
                            {t('tasks.protocols.adopt')}
                          </Button>
                        )}
                        {protocol.status === 'adopted' && isPhysician && (
                          <>
                            <Button
                              size="compact-xs"
                              variant="default"
                              aria-label={t('tasks.protocols.reviseLabel', { title })}
                              onClick={() => setEditing({ mode: 'revise', protocol })}
                            >
                              {t('tasks.protocols.revise')}
                            </Button>
                            <Button
                              size="compact-xs"
                              variant="default"
                              color="red.9"
                              aria-label={t('tasks.protocols.retireLabel', { title })}
                              onClick={() => void act(protocol, 'retire')}
                            >
                              {t('tasks.protocols.retire')}
                            </Button>
                          </>
                        )}
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={t('tasks.protocols.viewLabel', { title })}
                          onClick={() => setEditing({ mode: 'view', protocol })}
                        >
                          {t('tasks.protocols.view')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {draft.open && draft.form && (!draft.protocolId || editedProtocol) && (
        <ProtocolEditor
          structureId={structureId}
          mode={draft.mode}
          protocol={editedProtocol ?? null}
          form={draft.form}
          onFormChange={(form) => setDraft({ ...draft, form })}
          onClose={clearDraft}
          onSaved={(saved) => {
            clearDraft();
            setNotice({ ok: true, message: t('tasks.protocols.saved', { title: saved.current.title }) });
            void protocols.refetch();
          }}
        />
      )}
    </Stack>
  );
}
