import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  type DragStartEvent,
  DragOverlay,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Box, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../common/ErrorState';
import { LoadingState } from '../../common/LoadingState';
import { describeError, refusalOf } from '../../graphql/error-message';
import { useWorkplace } from '../../workplace/workplace';
import { CLOSED_STATUSES, COLUMNS, needsReason, OPEN_STATUSES, refusalMessage } from '../task-board-rules';
import {
  type BoardTask,
  type BoardView,
  MOVE_TASK_MUTATION,
  TASK_BOARD_QUERY,
  TEAM_QUERY,
  type TaskStatus,
} from '../tasks.queries';
import { MoveReasonDialog } from './MoveReasonDialog';
import { TaskCard, TaskCardFace } from './TaskCard';
import { TaskDetailDrawer } from './TaskDetailDrawer';

const VIEWS: readonly BoardView[] = ['all', 'mine', 'my_pool', 'to_validate', 'escalated_to_me'];
/** The closed columns show the last week's work, not the whole history. */
const CLOSED_DAYS = 7;
const CLOSED_SHOWN = 20;

const NEXT_KEYS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** With the keyboard, each arrow takes the card to the next or previous column rather than a few pixels away. */
const columnByColumn: KeyboardCoordinateGetter = (event, { context }) => {
  const step = NEXT_KEYS[event.code];
  const { active, over, droppableRects, collisionRect } = context;
  if (!step || !collisionRect) return undefined;
  event.preventDefault();
  const from = (over?.id ?? (active?.data.current as { task?: BoardTask } | undefined)?.task?.status) as TaskStatus;
  const index = Math.min(COLUMNS.length - 1, Math.max(0, COLUMNS.indexOf(from) + step));
  const rect = droppableRects.get(COLUMNS[index]);
  if (!rect) return undefined;
  return { x: rect.left + (rect.width - collisionRect.width) / 2, y: rect.top + 32 };
};

interface Notice {
  kind: 'done' | 'refused';
  message: string;
}

/** The delegation board (DEL-4): columns, drag and drop or "Déplacer vers…", filters, the detail with its history. */
export function TaskBoard() {
  const { t } = useTranslation();
  const { membership, member, roles, site } = useWorkplace();
  const structureId = membership.structure.id;
  const [view, setView] = useState<BoardView>('all');
  const [since] = useState(() => DateTime.now().minus({ days: CLOSED_DAYS }).toUTC().toISO() as string);
  const [dragged, setDragged] = useState<BoardTask | null>(null);
  const [pending, setPending] = useState<{ task: BoardTask; to: TaskStatus } | null>(null);
  const [movingId, setMovingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);

  const closedToo = view !== 'to_validate' && view !== 'escalated_to_me';
  const open = useQuery(TASK_BOARD_QUERY, {
    variables: { filter: { structureId, view, statuses: OPEN_STATUSES, limit: 300 } },
    notifyOnNetworkStatusChange: true,
  });
  const closed = useQuery(TASK_BOARD_QUERY, {
    variables: { filter: { structureId, view, statuses: CLOSED_STATUSES, updatedSince: since, limit: 200 } },
    skip: !closedToo,
  });
  const team = useQuery(TEAM_QUERY, { variables: { structureId } });
  const [moveTask] = useMutation(MOVE_TASK_MUTATION);

  const names = useMemo(
    () => new Map((team.data?.members ?? []).map((m) => [m.id, `${m.firstName} ${m.lastName}`])),
    [team.data],
  );
  const nameOf = (memberId: string | null) => (memberId && names.get(memberId)) || t('tasks.card.someone');

  const byColumn = useMemo(() => {
    const seen = new Map<string, BoardTask>();
    for (const task of [...(open.data?.taskBoard ?? []), ...(closedToo ? (closed.data?.taskBoard ?? []) : [])])
      seen.set(task.id, task);
    const columns = new Map<TaskStatus, BoardTask[]>(COLUMNS.map((c) => [c, []]));
    for (const task of seen.values()) columns.get(task.status)?.push(task);
    for (const status of CLOSED_STATUSES) columns.get(status)?.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return columns;
  }, [open.data, closed.data, closedToo]);

  const sensors = useSensors(
    // A few pixels before a drag starts: a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnByColumn }),
  );

  const statusName = (status: TaskStatus) => t(`tasks.status.${status}`);
  const titleOf = (id: string | number) => findTask(id)?.title ?? '';
  function findTask(id: string | number): BoardTask | undefined {
    for (const tasks of byColumn.values()) {
      const found = tasks.find((task) => task.id === id);
      if (found) return found;
    }
    return undefined;
  }
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('tasks.dnd.start', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('tasks.dnd.over', { title: titleOf(active.id), status: statusName(over.id as TaskStatus) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t('tasks.dnd.end', { title: titleOf(active.id), status: statusName(over.id as TaskStatus) }) : undefined,
    onDragCancel: ({ active }) => t('tasks.dnd.cancel', { title: titleOf(active.id) }),
  };

  const move = async (task: BoardTask, to: TaskStatus, reason: string | null) => {
    setMovingId(task.id);
    setNotice(null);
    try {
      const result = await moveTask({
        variables: { input: { taskId: task.id, to, expectedVersion: task.version, reason } },
      });
      const moved = result.data?.moveTask;
      if (moved?.thresholdHits.length)
        setNotice({
          kind: 'done',
          message: t('tasks.board.thresholdHit', {
            title: task.title,
            hits: moved.thresholdHits.map((h) => h.entry).join(', '),
          }),
        });
      else
        setNotice({
          kind: 'done',
          message:
            task.status === 'awaiting_validation' && to === 'done'
              ? t('tasks.board.validated', { title: task.title })
              : t('tasks.board.moved', { title: task.title, status: statusName(moved?.task.status ?? to) }),
        });
    } catch (error) {
      // Refused: the card stays in its column (nothing was changed in the cache), the reason is said.
      setNotice({ kind: 'refused', message: refusalMessage(error, task, to, t) });
      if (refusalOf(error).reason !== 'DELEGATION.STALE_TASK') return;
    } finally {
      setMovingId(null);
    }
    void open.refetch();
    if (closedToo) void closed.refetch();
  };

  const requestMove = (task: BoardTask, to: TaskStatus) => {
    if (to === task.status) return;
    if (needsReason(task.status, to)) setPending({ task, to });
    else void move(task, to, null);
  };

  const onDragStart = ({ active }: DragStartEvent) => setDragged(findTask(active.id) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const task = findTask(active.id);
    if (task && over) requestMove(task, over.id as TaskStatus);
  };

  const mayValidate = (task: BoardTask) => roles.includes('practitioner') && task.assigneeId !== member.id;
  const error = open.error ?? closed.error;

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('tasks.views.label')}
        value={view}
        onChange={(value) => setView(value as BoardView)}
        data={VIEWS.map((v) => ({ value: v, label: t(`tasks.views.${v}`) }))}
        style={{ alignSelf: 'flex-start', maxWidth: '100%', flexWrap: 'wrap' }}
      />
      <Text size="sm" c="gray.8">
        {t('tasks.board.dragHint')}
      </Text>
      {notice && (
        <Alert
          color={notice.kind === 'refused' ? 'red' : 'green'}
          role={notice.kind === 'refused' ? 'alert' : 'status'}
          title={notice.kind === 'refused' ? t('tasks.refusal.title') : undefined}
          withCloseButton
          closeButtonLabel={t('tasks.board.closeMessage')}
          onClose={() => setNotice(null)}
        >
          {notice.message}
        </Alert>
      )}
      {error && (
        <ErrorState
          message={t('tasks.board.loadFailed', { message: describeError(error, t) })}
          onRetry={() => {
            void open.refetch();
            if (closedToo) void closed.refetch();
          }}
        />
      )}
      {open.loading && !open.data && <LoadingState label={t('tasks.board.loading')} />}
      {open.data && (
        <DndContext
          sensors={sensors}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragged(null)}
          accessibility={{
            announcements,
            screenReaderInstructions: {
              draggable: t('tasks.dnd.instructions'),
            },
          }}
        >
          <Box
            component="section"
            aria-label={t('tasks.board.label')}
            aria-busy={open.loading}
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 12 }}
          >
            {COLUMNS.map((status) => (
              <BoardColumn
                key={status}
                status={status}
                tasks={byColumn.get(status) ?? []}
                closed={CLOSED_STATUSES.includes(status)}
              >
                {(byColumn.get(status) ?? [])
                  .slice(0, CLOSED_STATUSES.includes(status) ? CLOSED_SHOWN : undefined)
                  .map((task) => (
                    <TaskCard
                      key={task.id}
                      task={task}
                      nameOf={nameOf}
                      timeZone={site.timeZone}
                      mayValidate={mayValidate(task)}
                      busy={movingId === task.id}
                      onMove={requestMove}
                      onOpen={(opened) => setOpenTaskId(opened.id)}
                    />
                  ))}
              </BoardColumn>
            ))}
          </Box>
          <DragOverlay>
            {dragged && (
              <Paper withBorder p="xs" radius="sm" shadow="md" style={{ cursor: 'grabbing' }}>
                <Text size="sm" fw={600}>
                  {dragged.title}
                </Text>
                <TaskCardFace task={dragged} nameOf={nameOf} timeZone={site.timeZone} />
              </Paper>
            )}
          </DragOverlay>
        </DndContext>
      )}
      {pending && (
        <MoveReasonDialog
          status={statusName(pending.to)}
          onCancel={() => setPending(null)}
          onConfirm={(reason) => {
            const { task, to } = pending;
            setPending(null);
            void move(task, to, reason);
          }}
        />
      )}
      <TaskDetailDrawer
        taskId={openTaskId}
        nameOf={nameOf}
        timeZone={site.timeZone}
        onClose={() => setOpenTaskId(null)}
        onMove={(task, to) => {
          setOpenTaskId(null);
          requestMove(task, to);
        }}
      />
    </Stack>
  );
}

function BoardColumn({
  status,
  tasks,
  closed,
  children,
}: {
  status: TaskStatus;
  tasks: BoardTask[];
  closed: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const headingId = `task-column-${status}`;
  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-labelledby={headingId}
      data-column={status}
      p="xs"
      radius="md"
      bg={isOver ? 'blue.0' : 'gray.0'}
      withBorder
      style={{ minHeight: 140, outline: isOver ? '2px solid var(--mantine-color-blue-8)' : undefined }}
    >
      <Title order={2} size="h5" id={headingId}>
        {t(`tasks.status.${status}`)}
      </Title>
      <Text size="xs" c="gray.8" mb={6}>
        {t('tasks.board.count', { count: tasks.length })}
        {closed ? ` · ${t('tasks.board.closedHint')}` : ''}
      </Text>
      <Stack gap={8}>
        {children}
        {!tasks.length && (
          <Text size="sm" c="gray.7">
            {t('tasks.board.empty')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
