import { DelegationErrorCode } from '../delegation-error';
import { allowedTargets, moveBetween } from './task-board';

describe('the delegation board', () => {
  it('takes a task from to do through in progress and validation to done under referent review', () => {
    expect(moveBetween('todo', 'in_progress', 'referent_review')).toBe('start');
    expect(moveBetween('in_progress', 'awaiting_validation', 'referent_review')).toBe('submit');
    expect(moveBetween('awaiting_validation', 'done', 'referent_review')).toBe('validate');
  });

  it('refuses to finish a task under referent review without validation, and says why', () => {
    expect(() => moveBetween('in_progress', 'done', 'referent_review')).toThrow(
      expect.objectContaining({
        code: DelegationErrorCode.IllegalTransition,
        message: expect.stringMatching(/requires the referent’s validation.*allowed: awaiting validation, blocked/),
      }),
    );
  });

  it('lets a delegate complete a task directly when the protocol asks no validation, or a weekly review', () => {
    expect(moveBetween('in_progress', 'done', 'none')).toBe('complete');
    expect(moveBetween('in_progress', 'done', 'weekly_review')).toBe('complete');
    expect(allowedTargets('in_progress', 'none')).not.toContain('awaiting_validation');
  });

  it('lists where a task may go when a move is illegal', () => {
    expect(() => moveBetween('todo', 'done', 'none')).toThrow(
      /a task to do cannot move to done; allowed: in progress, blocked, escalated, cancelled/,
    );
  });

  it('closes done and cancelled tasks for good', () => {
    expect(allowedTargets('done', 'none')).toEqual([]);
    expect(() => moveBetween('cancelled', 'todo', 'none')).toThrow(/the task is closed/);
  });

  it('sends an escalated task back to its delegate or lets the physician close it', () => {
    expect(moveBetween('escalated', 'in_progress', 'referent_review')).toBe('return_to_delegate');
    expect(moveBetween('escalated', 'done', 'referent_review')).toBe('resolve');
    expect(moveBetween('awaiting_validation', 'in_progress', 'referent_review')).toBe('send_back');
  });
});
