import type { EventPayloads, TaskSnapshotV1 } from '@msp/contracts';
import type { OutboxWriter } from '@msp/messaging';
import type { Task } from './ports/task.repository';

type TaskEventType = Extract<keyof EventPayloads, `delegation.task.${string}`>;

/** The common part of every task event: ids, codes and the version, never the title or notes. */
export function taskSnapshot(task: Task): TaskSnapshotV1 {
  return {
    taskId: task.id,
    structureId: task.structureId,
    siteId: task.siteId,
    taskType: task.taskType,
    protocolId: task.protocolId,
    protocolVersion: task.protocolVersion,
    origin: task.origin,
    physicianId: task.physicianId,
    assigneeId: task.assigneeId,
    poolRole: task.poolRole,
    patientId: task.patientId,
    version: task.version,
  };
}

export async function recordTaskEvent<K extends TaskEventType>(
  outbox: OutboxWriter,
  type: K,
  task: Task,
  facts: Omit<EventPayloads[K], keyof TaskSnapshotV1>,
): Promise<void> {
  await outbox.record(type, { ...taskSnapshot(task), ...facts } as EventPayloads[K]);
}
