import { DateTime } from 'luxon';
import { parseReminderRule, reminderDueAt } from './reminder-rule';

const local = (instant: Date, zone = 'Europe/Paris') =>
  DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm ZZ");

describe('reminder rules', () => {
  it('parses J-1, J-1@18:00, D-2 and H-2, and names the setting when wrong', () => {
    expect(parseReminderRule('j-1')).toEqual({ code: 'J-1', kind: 'days', days: 1, at: null });
    expect(parseReminderRule('J-1@18:00')).toMatchObject({ kind: 'days', days: 1, at: { hour: 18, minute: 0 } });
    expect(parseReminderRule('D-2').code).toBe('J-2');
    expect(parseReminderRule('H-2')).toEqual({ code: 'H-2', kind: 'hours', hours: 2 });
    expect(() => parseReminderRule('tomorrow')).toThrow(/reminderRules: "tomorrow" is not a reminder rule/);
  });

  it('J-1 keeps the wall time across the spring change (23 h before), H-2 is two hours of elapsed time', () => {
    const startsAt = DateTime.fromISO('2027-03-28T10:00', { zone: 'Europe/Paris' }).toJSDate();
    expect(local(reminderDueAt(parseReminderRule('J-1'), startsAt, 'Europe/Paris'))).toBe('2027-03-27T10:00 +01:00');
    expect(startsAt.getTime() - reminderDueAt(parseReminderRule('J-1'), startsAt, 'Europe/Paris').getTime()).toBe(
      23 * 3_600_000,
    );
    expect(local(reminderDueAt(parseReminderRule('H-2'), startsAt, 'Europe/Paris'))).toBe('2027-03-28T08:00 +02:00');
  });

  it('J-1 is 25 h before across the autumn change; J-1@18:00 is 18:00 the day before in the site zone', () => {
    const startsAt = DateTime.fromISO('2026-10-25T10:00', { zone: 'Europe/Paris' }).toJSDate();
    expect(startsAt.getTime() - reminderDueAt(parseReminderRule('J-1'), startsAt, 'Europe/Paris').getTime()).toBe(
      25 * 3_600_000,
    );
    expect(local(reminderDueAt(parseReminderRule('J-1@18:00'), startsAt, 'Europe/Paris'))).toBe(
      '2026-10-24T18:00 +02:00',
    );
    const reunion = DateTime.fromISO('2026-10-25T10:00', { zone: 'Indian/Reunion' }).toJSDate();
    expect(local(reminderDueAt(parseReminderRule('J-1@18:00'), reunion, 'Indian/Reunion'), 'Indian/Reunion')).toBe(
      '2026-10-24T18:00 +04:00',
    );
  });
});
