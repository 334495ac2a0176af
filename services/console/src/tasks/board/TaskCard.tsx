import { useDraggable } from '@dnd-kit/core';
import { Button, Group, Menu, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { COLUMNS } from '../task-board-rules';
import type { BoardTask, TaskStatus } from '../tasks.queries';

const PRIORITY_COLOURS: Record<BoardTask['priority'], string> = {
  low: 'dark.6',
  normal: 'dark.6',
  high: 'red.9',
  urgent: 'red.9',
};

export interface TaskCardProps {
  task: BoardTask;
  nameOf: (memberId: string | null) => string;
  timeZone: string;
  /** Whether this person may validate (a practitioner who is not the task's delegate). */
  mayValidate: boolean;
  busy: boolean;
  onMove: (task: BoardTask, to: TaskStatus) => void;
  onOpen: (task: BoardTask) => void;
}

/** The card's face, shared by the card on the board and the copy that follows the pointer while dragging. */
export function TaskCardFace({ task, nameOf, timeZone }: Pick<TaskCardProps, 'task' | 'nameOf' | 'timeZone'>) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap={6}>
        <Text size="xs" fw={700} c={PRIORITY_COLOURS[task.priority]}>
          {t(`tasks.priority.${task.priority}`)}
        </Text>
        {task.dueAt && (
          <Text size="xs" c="gray.8">
            {t('tasks.card.due', {
              when: DateTime.fromISO(task.dueAt, { zone: timeZone }).setLocale('fr').toFormat("d LLL', 'HH:mm"),
            })}
          </Text>
        )}
      </Group>
      {task.patient && (
        <Text size="sm" fw={600}>
          {t('tasks.card.patient', { name: `${task.patient.lastName.toUpperCase()} ${task.patient.firstName}` })}
        </Text>
      )}
      <Text size="xs" c="gray.8">
        {task.assigneeId
          ? t('tasks.card.assignee', { name: nameOf(task.assigneeId) })
          : t('tasks.card.pool', {
              pool: task.poolRole ? t(`tasks.poolRoles.${task.poolRole}`, { defaultValue: task.poolRole }) : '',
            })}
      </Text>
    </Stack>
  );
}

/**
 * A task on the board. The title is the drag handle (pointer, or the keyboard: Space, arrows, Space); "Déplacer
 * vers…" does the same without dragging, and "Détail" opens its history. The buttons sit beside the handle, never in
 * it: an interactive element inside another is neither reachable nor announced reliably.
 */
export function TaskCard({ task, nameOf, timeZone, mayValidate, busy, onMove, onOpen }: TaskCardProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: task.id, data: { task } });
  const others = COLUMNS.filter((status) => status !== task.status);
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      shadow="xs"
      data-task-id={task.id}
      style={{ opacity: isDragging ? 0.4 : 1 }}
      aria-busy={busy}
    >
      <UnstyledButton
        ref={setNodeRef}
        {...listeners}
        {...attributes}
        className="task-card-handle"
        style={{ display: 'block', width: '100%', cursor: 'grab', touchAction: 'none' }}
      >
        <Text size="sm" fw={600} lh={1.3}>
          <span aria-hidden="true" style={{ marginRight: 6, color: '#495057' }}>
            ⠿
          </span>
          {task.title}
        </Text>
      </UnstyledButton>
      <TaskCardFace task={task} nameOf={nameOf} timeZone={timeZone} />
      <Group gap={6} mt={6}>
        <Button
          size="compact-xs"
          variant="default"
          onClick={() => onOpen(task)}
          aria-label={t('tasks.card.openLabel', { title: task.title })}
        >
          {t('tasks.card.open')}
        </Button>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button
              size="compact-xs"
              variant="default"
              disabled={busy}
              aria-label={t('tasks.card.moveMenu', { title: task.title })}
            >
              {t('tasks.card.moveTo')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {others.map((status) => (
              <Menu.Item key={status} onClick={() => onMove(task, status)}>
                {t(`tasks.status.${status}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        {mayValidate && task.status === 'awaiting_validation' && (
          <Button
            size="compact-xs"
            color="teal.9"
            disabled={busy}
            onClick={() => onMove(task, 'done')}
            aria-label={t('tasks.card.validateLabel', { title: task.title })}
          >
            {t('tasks.card.validate')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
