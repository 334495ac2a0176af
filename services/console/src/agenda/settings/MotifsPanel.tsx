import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Box, Button, Checkbox, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../common/ErrorState';
import { LoadingState } from '../../common/LoadingState';
import { frenchDate } from '../../common/zoned-time';
import { describeError, refusalOf } from '../../graphql/error-message';
import { useWorkplace } from '../../workplace/workplace';
import { hasAnyRole, MOTIF_ROLES, mayManageMotif } from '../agenda-roles';
import { motifColours } from '../agenda-events';
import {
  ARCHIVE_MOTIF,
  MOTIF_DETAILS_QUERY,
  type MotifDetails,
  STRUCTURE_MEMBERS_QUERY,
} from './agenda-settings.queries';
import { MotifDialog } from './MotifDialog';
import { memberName, practitionersIn } from './practitioners';
import { type Notice, NoticeAlert } from '../../common/NoticeAlert';

type Dialog = { kind: 'new' } | { kind: 'edit'; motif: MotifDetails } | { kind: 'archive'; motif: MotifDetails } | null;

/**
 * The structure's motifs (and each practitioner's own): duration, where, who may book, new patients, buffer, notice
 * and horizon, with the colour the agenda gives them. Created, edited and archived by those scheduling lets.
 */
export function MotifsPanel() {
  const { t } = useTranslation();
  const { member, membership, roles } = useWorkplace();
  const structureId = membership.structure.id;
  const [showArchived, setShowArchived] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const motifs = useQuery(MOTIF_DETAILS_QUERY, {
    variables: { structureId, includeArchived: true },
    fetchPolicy: 'cache-and-network',
  });
  const members = useQuery(STRUCTURE_MEMBERS_QUERY, { variables: { structureId, siteId: null } });
  const practitioners = useMemo(
    () => practitionersIn(members.data?.members ?? [], structureId),
    [members.data, structureId],
  );
  const all = motifs.data?.motifs ?? [];
  // The agenda colours the live motifs by label; archived ones keep a colour of their own (agenda-events.ts).
  const colourOf = useMemo(
    () => motifColours((motifs.data?.motifs ?? []).filter((m) => !m.archivedAt).map((m) => m.label)),
    [motifs.data],
  );
  const shown = all
    .filter((m) => showArchived || !m.archivedAt)
    .sort(
      (a, b) => a.label.localeCompare(b.label, 'fr') || (a.practitionerId ?? '').localeCompare(b.practitionerId ?? ''),
    );
  const ownerName = (id: string | null) => {
    if (!id) return t('agendaSettings.motifs.structureWide');
    const found = members.data?.members.find((m) => m.id === id);
    return found ? memberName(found) : '—';
  };
  const mayCreate = hasAnyRole(roles, MOTIF_ROLES) || roles.includes('practitioner');
  const [archive, archiving] = useMutation(ARCHIVE_MOTIF, { refetchQueries: ['ConsoleMotifDetails'] });

  const archiveIt = async (motif: MotifDetails) => {
    try {
      await archive({ variables: { input: { motifId: motif.id, version: motif.version } } });
      setDialog(null);
      setNotice({ tone: 'green', text: t('agendaSettings.motifs.archivedDone', { label: motif.label }) });
    } catch (error) {
      setDialog(null);
      const stale = refusalOf(error).reason === 'SCHEDULING.STALE_VERSION';
      if (stale) void motifs.refetch();
      setNotice({
        tone: 'red',
        text: stale
          ? t('agendaSettings.motifs.stale')
          : t('agendaSettings.motifs.failed', { message: describeError(error, t) }),
      });
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Title order={2} size="h4">
          {t('agendaSettings.motifs.heading', { structure: membership.structure.name })}
        </Title>
        {mayCreate && <Button onClick={() => setDialog({ kind: 'new' })}>{t('agendaSettings.motifs.add')}</Button>}
      </Group>
      {!hasAnyRole(roles, MOTIF_ROLES) && (
        <Text size="sm" c="gray.7">
          {t('agendaSettings.motifs.readOnly')}
        </Text>
      )}
      <Checkbox
        label={t('agendaSettings.motifs.showArchived')}
        checked={showArchived}
        onChange={(event) => setShowArchived(event.currentTarget.checked)}
      />
      <NoticeAlert notice={notice} onClose={() => setNotice(null)} />
      {motifs.error && (
        <ErrorState
          message={t('agendaSettings.motifs.loadFailed', { message: describeError(motifs.error, t) })}
          onRetry={() => void motifs.refetch()}
        />
      )}
      {motifs.loading && !motifs.data && <LoadingState label={t('agendaSettings.motifs.loading')} />}
      {motifs.data && !shown.length && <Text>{t('agendaSettings.motifs.none')}</Text>}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder aria-label={t('agendaSettings.motifs.listLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agendaSettings.motifs.columns.label')}</Table.Th>
                <Table.Th>{t('agendaSettings.motifs.columns.duration')}</Table.Th>
                <Table.Th>{t('agendaSettings.motifs.columns.channel')}</Table.Th>
                <Table.Th>{t('agendaSettings.motifs.columns.bookableBy')}</Table.Th>
                <Table.Th>{t('agendaSettings.motifs.columns.newPatients')}</Table.Th>
                <Table.Th>{t('agendaSettings.motifs.columns.delays')}</Table.Th>
                <Table.Th>{t('agendaSettings.motifs.columns.owner')}</Table.Th>
                <Table.Th>{t('agendaSettings.motifs.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((motif) => {
                const manageable = !motif.archivedAt && mayManageMotif(roles, member.id, motif.practitionerId);
                return (
                  <Table.Tr key={motif.id}>
                    <Table.Td>
                      <Group gap={8} wrap="nowrap">
                        {!motif.archivedAt && (
                          <Box
                            w={14}
                            h={14}
                            bg={colourOf(motif.label)}
                            style={{ borderRadius: 3, flex: 'none' }}
                            title={t('agendaSettings.motifs.colourOf', { label: motif.label })}
                            aria-hidden="true"
                          />
                        )}
                        <Text size="sm" fw={600}>
                          {motif.label}
                        </Text>
                      </Group>
                      {motif.archivedAt && (
                        <Badge color="gray.8" variant="outline" mt={4}>
                          {t('agendaSettings.motifs.archived', { date: frenchDate(motif.archivedAt.slice(0, 10)) })}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {t('agendaSettings.motifs.minutes', { count: motif.durationMinutes })}
                    </Table.Td>
                    <Table.Td>{t(`agendaSettings.motifs.channels.${motif.channel}`)}</Table.Td>
                    <Table.Td>
                      {motif.bookableBy
                        .map((channel) => t(`agendaSettings.motifs.bookingChannels.${channel}`))
                        .join(', ')}
                    </Table.Td>
                    <Table.Td>
                      {t(motif.newPatientsAllowed ? 'agendaSettings.motifs.yes' : 'agendaSettings.motifs.no')}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{t('agendaSettings.motifs.buffer', { count: motif.bufferAfterMinutes })}</Text>
                      <Text size="sm">{t('agendaSettings.motifs.notice', { count: motif.minNoticeMinutes })}</Text>
                      <Text size="sm">{t('agendaSettings.motifs.horizon', { count: motif.maxHorizonDays })}</Text>
                    </Table.Td>
                    <Table.Td>{ownerName(motif.practitionerId)}</Table.Td>
                    <Table.Td>
                      {manageable && (
                        <Group gap={6} wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('agendaSettings.motifs.editLabel', { label: motif.label })}
                            onClick={() => setDialog({ kind: 'edit', motif })}
                          >
                            {t('agendaSettings.motifs.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="outline"
                            color="red.9"
                            aria-label={t('agendaSettings.motifs.archiveLabel', { label: motif.label })}
                            onClick={() => setDialog({ kind: 'archive', motif })}
                          >
                            {t('agendaSettings.motifs.archive')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {(dialog?.kind === 'new' || dialog?.kind === 'edit') && (
        <MotifDialog
          structureId={structureId}
          motif={dialog.kind === 'edit' ? dialog.motif : null}
          practitioners={practitioners}
          onClose={() => setDialog(null)}
          onSaved={(text) => {
            setDialog(null);
            setNotice({ tone: 'green', text });
          }}
          onStale={() => {
            setDialog(null);
            void motifs.refetch();
            setNotice({ tone: 'red', text: t('agendaSettings.motifs.stale') });
          }}
        />
      )}
      {dialog?.kind === 'archive' && (
        <Modal
          opened
          onClose={() => setDialog(null)}
          title={<strong>{t('agendaSettings.motifs.archiveTitle', { label: dialog.motif.label })}</strong>}
        >
          <Stack gap="sm">
            <Text>{t('agendaSettings.motifs.archiveBody')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('agendaSettings.cancel')}
              </Button>
              <Button color="red.9" loading={archiving.loading} onClick={() => void archiveIt(dialog.motif)}>
                {t('agendaSettings.motifs.archiveConfirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
