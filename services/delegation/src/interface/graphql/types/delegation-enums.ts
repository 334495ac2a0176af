import { registerEnumType } from '@nestjs/graphql';

/** GraphQL enums over the domain's codes: the values are the codes themselves. */
export enum TaskStatusEnum {
  todo = 'todo',
  in_progress = 'in_progress',
  awaiting_validation = 'awaiting_validation',
  done = 'done',
  blocked = 'blocked',
  escalated = 'escalated',
  cancelled = 'cancelled',
}
export enum BoardViewEnum {
  all = 'all',
  mine = 'mine',
  my_pool = 'my_pool',
  to_validate = 'to_validate',
  escalated_to_me = 'escalated_to_me',
}
export enum ValidationCircuitEnum {
  none = 'none',
  referent_review = 'referent_review',
  weekly_review = 'weekly_review',
}
export enum TaskPriorityEnum {
  low = 'low',
  normal = 'normal',
  high = 'high',
  urgent = 'urgent',
}

registerEnumType(TaskStatusEnum, { name: 'TaskStatus', description: 'The columns of the delegation board (DEL-4)' });
registerEnumType(BoardViewEnum, {
  name: 'BoardView',
  description: 'all; mine (assigned to me); my_pool (I may take); to_validate (mine to validate); escalated_to_me',
});
registerEnumType(ValidationCircuitEnum, {
  name: 'ValidationCircuit',
  description: "none; referent_review (each task validated by the delegate's referent); weekly_review",
});
registerEnumType(TaskPriorityEnum, { name: 'TaskPriority' });
