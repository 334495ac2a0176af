import { SchedulingError, SchedulingErrorCode } from '../../domain/scheduling-error';
import { graphQLCode, SchedulingErrorFilter } from './scheduling-error.filter';

describe('SchedulingErrorFilter', () => {
  it('gives a slot taken as CONFLICT with the scheduling reason and the field', () => {
    const error = new SchedulingErrorFilter().catch(SchedulingError.slotTaken());
    expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'SCHEDULING.SLOT_TAKEN', field: 'input.startsAt' });
    expect(error.message).toMatch(/no longer free/);
  });

  it('gives invalid input as BAD_USER_INPUT naming the field', () => {
    expect(
      new SchedulingErrorFilter().catch(SchedulingError.invalid('input.endTime', 'must be after startTime')).extensions,
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'SCHEDULING.INVALID_INPUT',
      field: 'input.endTime',
    });
  });

  it('maps every code', () => {
    for (const code of Object.values(SchedulingErrorCode))
      expect(graphQLCode(code)).toMatch(/^(BAD_USER_INPUT|NOT_FOUND|CONFLICT)$/);
  });
});
