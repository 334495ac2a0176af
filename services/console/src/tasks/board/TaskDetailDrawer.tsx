import { useQuery } from '@apollo/client/react';
import { Button, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../common/ErrorState';
import { LoadingState } from '../../common/LoadingState';
import { describeError } from '../../graphql/error-message';
import { type BoardTask, TASK_DETAIL_QUERY, type TaskStatus } from '../tasks.queries';

function at(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: timeZone }).setLocale('fr').toFormat("ccc d LLL yyyy', 'HH:mm");
}

/** A task with its audit trail (who, when, from, to, why), comments and documents, and the moves it allows now. */
export function TaskDetailDrawer({
  taskId,
  nameOf,
  timeZone,
  onClose,
  onMove,
}: {
  taskId: string | null;
  nameOf: (memberId: string | null) => string;
  timeZone: string;
  onClose: () => void;
  onMove: (task: BoardTask, to: TaskStatus) => void;
}) {
  const { t } = useTranslation();
  const detail = useQuery(TASK_DETAIL_QUERY, {
    variables: { id: taskId ?? '' },
    skip: !taskId,
    fetchPolicy: 'network-only',
  });
  const data = detail.data?.task;
  const task = data?.task;
  const status = (s: TaskStatus) => t(`tasks.status.${s}`);

  return (
    <Drawer
      opened={!!taskId}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('tasks.detail.title')}
      closeButtonProps={{ 'aria-label': t('tasks.detail.close') }}
    >
      {detail.loading && <LoadingState label={t('tasks.detail.loading')} />}
      {detail.error && (
        <ErrorState
          message={t('tasks.detail.loadFailed', { message: describeError(detail.error, t) })}
          onRetry={() => void detail.refetch()}
        />
      )}
      {task && data && (
        <Stack gap="md">
          <Title order={2} size="h4">
            {task.title}
          </Title>
          {task.description && <Text size="sm">{task.description}</Text>}
          <Table variant="vertical" withTableBorder layout="fixed">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={170}>{t('tasks.detail.status')}</Table.Th>
                <Table.Td>
                  <Text size="sm" fw={700}>
                    {status(task.status)}
                  </Text>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('tasks.detail.priority')}</Table.Th>
                <Table.Td>{t(`tasks.priority.${task.priority}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('tasks.detail.circuit')}</Table.Th>
                <Table.Td>{t(`tasks.circuit.${task.validationCircuit}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('tasks.detail.assignee')}</Table.Th>
                <Table.Td>
                  {task.assigneeId
                    ? nameOf(task.assigneeId)
                    : task.poolRole
                      ? t(`tasks.poolRoles.${task.poolRole}`, { defaultValue: task.poolRole })
                      : t('tasks.detail.none')}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('tasks.detail.physician')}</Table.Th>
                <Table.Td>{task.physicianId ? nameOf(task.physicianId) : t('tasks.detail.none')}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('tasks.detail.patient')}</Table.Th>
                <Table.Td>
                  {task.patient
                    ? `${task.patient.lastName.toUpperCase()} ${task.patient.firstName}`
                    : t('tasks.detail.noPatient')}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('tasks.detail.due')}</Table.Th>
                <Table.Td>{task.dueAt ? at(task.dueAt, timeZone) : t('tasks.detail.none')}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('tasks.detail.created')}</Table.Th>
                <Table.Td>{at(task.createdAt, timeZone)}</Table.Td>
              </Table.Tr>
              {task.standardMinutes != null && (
                <Table.Tr>
                  <Table.Th>{t('tasks.detail.minutes')}</Table.Th>
                  <Table.Td>{t('tasks.detail.minutesValue', { minutes: task.standardMinutes })}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>

          {data.allowedTargets.length > 0 && (
            <Group gap="xs" role="group" aria-label={t('tasks.detail.moveTo')}>
              <Text size="sm" fw={600}>
                {t('tasks.detail.moveTo')}
              </Text>
              {data.allowedTargets.map((to) => (
                <Button key={to} size="compact-sm" variant="light" onClick={() => onMove(task, to)}>
                  {status(to)}
                </Button>
              ))}
            </Group>
          )}

          <Title order={3} size="h5">
            {t('tasks.detail.history')}
          </Title>
          <Table striped withTableBorder aria-label={t('tasks.detail.historyLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tasks.detail.when')}</Table.Th>
                <Table.Th>{t('tasks.detail.who')}</Table.Th>
                <Table.Th>{t('tasks.detail.change')}</Table.Th>
                <Table.Th>{t('tasks.detail.why')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.history.map((line) => (
                <Table.Tr key={line.version}>
                  <Table.Td>{at(line.at, timeZone)}</Table.Td>
                  <Table.Td>{line.actorId ? nameOf(line.actorId) : t('tasks.detail.platform')}</Table.Td>
                  <Table.Td>
                    {line.fromStatus
                      ? `${status(line.fromStatus)} → ${status(line.toStatus)}`
                      : t('tasks.detail.created_change', { to: status(line.toStatus) })}
                  </Table.Td>
                  <Table.Td>{line.reason ?? t('tasks.detail.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>

          <Title order={3} size="h5">
            {t('tasks.detail.comments')}
          </Title>
          {data.comments.length ? (
            <Stack gap={6}>
              {data.comments.map((comment) => (
                <Text key={comment.id} size="sm">
                  <strong>{nameOf(comment.authorId)}</strong> ({at(comment.at, timeZone)}) : {comment.body}
                </Text>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="gray.8">
              {t('tasks.detail.noComment')}
            </Text>
          )}
          {data.attachments.length > 0 && (
            <>
              <Title order={3} size="h5">
                {t('tasks.detail.attachments')}
              </Title>
              {data.attachments.map((attachment) => (
                <Text key={attachment.id} size="sm">
                  {attachment.label} — <code>{attachment.reference}</code>
                </Text>
              ))}
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
