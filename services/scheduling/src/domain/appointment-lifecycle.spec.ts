import { at } from '../../test/fixtures/domain-builders';
import { assertReschedulable, assertStepTiming } from './appointment-lifecycle';
import { APPOINTMENT_STATUSES } from './appointment-status';

const appointment = { start: at('2026-03-30T07:00:00Z'), end: at('2026-03-30T07:20:00Z') }; // Monday 09:00 Paris

describe('rescheduling', () => {
  it('moves only booked or confirmed appointments', () => {
    const movable = APPOINTMENT_STATUSES.filter((status) => {
      try {
        assertReschedulable(status);
        return true;
      } catch {
        return false;
      }
    });
    expect(movable).toEqual(['booked', 'confirmed']);
  });

  it('says why with INVALID_TRANSITION', () => {
    expect(() => assertReschedulable('arrived')).toThrow(
      expect.objectContaining({
        code: 'SCHEDULING.INVALID_TRANSITION',
        message: expect.stringMatching(/arrived cannot be rescheduled/),
      }),
    );
  });
});

describe('when a step may be recorded', () => {
  it('arrival, consultation and completion from local midnight of the appointment day, in the site zone', () => {
    for (const step of ['arrived', 'in_consultation', 'done'] as const) {
      expect(() => assertStepTiming(step, appointment, at('2026-03-29T21:59:00Z'), 'Europe/Paris')).toThrow(
        /before its day \(2026-03-30\)/,
      );
      expect(() => assertStepTiming(step, appointment, at('2026-03-29T22:00:00Z'), 'Europe/Paris')).not.toThrow();
      expect(() => assertStepTiming(step, appointment, at('2026-04-02T10:00:00Z'), 'Europe/Paris')).not.toThrow();
    }
  });

  it('uses the local day of overseas sites', () => {
    // 07:00Z is 11:00 in Reunion (UTC+4): its day starts at 20:00Z the day before.
    expect(() => assertStepTiming('arrived', appointment, at('2026-03-29T19:59:00Z'), 'Indian/Reunion')).toThrow(
      /before its day/,
    );
    expect(() => assertStepTiming('arrived', appointment, at('2026-03-29T20:00:00Z'), 'Indian/Reunion')).not.toThrow();
  });

  it('a no-show only once the appointment has started', () => {
    expect(() => assertStepTiming('no_show', appointment, at('2026-03-30T06:59:59Z'), 'Europe/Paris')).toThrow(
      /no-show before it starts/,
    );
    expect(() => assertStepTiming('no_show', appointment, at('2026-03-30T07:00:00Z'), 'Europe/Paris')).not.toThrow();
  });
});
