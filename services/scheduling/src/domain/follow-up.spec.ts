import { assertFollowUpDue } from './follow-up';
import { SchedulingErrorCode } from './scheduling-error';

describe('the due date of an exam to chase after a consultation', () => {
  const completedAt = new Date('2026-03-03T09:21:00Z');
  const check = (dueBy: string) => () => assertFollowUpDue(new Date(dueBy), completedAt, 'input.followUp.dueBy');

  it('is accepted from just after the completion up to 366 days later', () => {
    expect(check('2026-03-03T09:21:00.001Z')).not.toThrow();
    expect(check('2027-03-04T09:21:00Z')).not.toThrow(); // 366 days exactly
  });

  it.each([
    ['at the completion itself', '2026-03-03T09:21:00Z', /after the completion/],
    ['before the completion', '2026-03-01T08:00:00Z', /after the completion/],
    ['more than 366 days later', '2027-03-04T09:21:00.001Z', /at most 366 days/],
  ])('is refused %s, naming the field', (_when, dueBy, reason) => {
    expect(check(dueBy)).toThrow(
      expect.objectContaining({ code: SchedulingErrorCode.InvalidInput, field: 'input.followUp.dueBy' }),
    );
    expect(check(dueBy)).toThrow(reason);
  });
});
