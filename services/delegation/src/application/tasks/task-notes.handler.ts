import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DelegationError } from '../../domain/delegation-error';
import { assertText, assertUuid } from '../input-checks';
import { assertMember } from '../permissions';
import { TaskRepository, type TaskAttachment, type TaskComment } from '../ports/task.repository';

/** DEL-3: comments and attachments by reference, by any member of the task's structure. */
@Injectable()
export class TaskNotesHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tasks: TaskRepository,
    private readonly clock: Clock,
  ) {}

  async comment(user: UserContext, input: { taskId: string; body: string }): Promise<TaskComment> {
    const body = assertText(input.body, 'input.body').trim();
    if (!body) throw DelegationError.invalid('input.body', 'must not be empty');
    return this.transactions.run(async () => {
      await this.visibleTask(user, input.taskId);
      const comment: TaskComment = {
        id: randomUUID(),
        taskId: input.taskId,
        authorId: user.memberId,
        body,
        at: this.clock.now(),
      };
      await this.tasks.addComment(comment);
      return comment;
    });
  }

  async attach(
    user: UserContext,
    input: { taskId: string; label: string; reference: string },
  ): Promise<TaskAttachment> {
    const label = assertText(input.label, 'input.label').trim();
    if (!label || label.length > 200) throw DelegationError.invalid('input.label', 'must be 1 to 200 characters');
    const reference = assertText(input.reference, 'input.reference').trim();
    if (!reference || reference.length > 500)
      throw DelegationError.invalid('input.reference', "must be the document's id or address (1 to 500 characters)");
    return this.transactions.run(async () => {
      await this.visibleTask(user, input.taskId);
      const attachment: TaskAttachment = {
        id: randomUUID(),
        taskId: input.taskId,
        label,
        reference,
        addedBy: user.memberId,
        at: this.clock.now(),
      };
      await this.tasks.addAttachment(attachment);
      return attachment;
    });
  }

  private async visibleTask(user: UserContext, taskId: string): Promise<void> {
    assertUuid(taskId, 'input.taskId');
    const task = await this.tasks.byId(taskId);
    const unseen = DelegationError.notFound('Task', 'input.taskId');
    if (!task) throw unseen;
    assertMember(user, task.structureId, unseen);
  }
}
