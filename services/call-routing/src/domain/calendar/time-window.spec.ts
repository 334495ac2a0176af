import type { TimeWindow } from '../rulebook/rulebook';
import type { SiteCalendar } from './site-calendar';
import { matchWindow, parseWallTime, windowProblems } from './time-window';

function calendar(overrides: Partial<SiteCalendar> = {}): SiteCalendar {
  return { timeZone: 'Europe/Paris', territory: 'mainland', workedHolidays: [], dutyRoster: [], ...overrides };
}

const weekdayMornings: TimeWindow = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '12:00' };

function holds(window: TimeWindow, at: string, site: SiteCalendar = calendar()): boolean {
  return matchWindow(window, new Date(at), site).holds;
}

describe('matchWindow', () => {
  it('holds inside the hours on a listed day and says so', () => {
    expect(matchWindow(weekdayMornings, new Date('2027-06-07T07:30:00Z'), calendar())).toEqual({
      holds: true,
      reason: 'lundi 09:30 dans lundi–vendredi 08:00–12:00',
    });
  });

  it('does not hold outside the hours, saying which hours', () => {
    expect(matchWindow(weekdayMornings, new Date('2027-06-07T11:10:00Z'), calendar())).toEqual({
      holds: false,
      reason: '13:10 hors de 08:00–12:00',
    });
  });

  it('includes from and excludes to', () => {
    expect(holds(weekdayMornings, '2027-06-07T06:00:00Z')).toBe(true);
    expect(holds(weekdayMornings, '2027-06-07T05:59:00Z')).toBe(false);
    expect(holds(weekdayMornings, '2027-06-07T09:59:00Z')).toBe(true);
    expect(holds(weekdayMornings, '2027-06-07T10:00:00Z')).toBe(false);
  });

  it('does not hold on a day not listed', () => {
    expect(matchWindow(weekdayMornings, new Date('2027-06-05T07:30:00Z'), calendar())).toEqual({
      holds: false,
      reason: 'samedi hors de lundi–vendredi',
    });
  });

  it('without days, hours or holiday rule holds every day of the year but closed holidays', () => {
    expect(holds({}, '2027-06-06T21:59:00Z')).toBe(true);
    expect(holds({ to: '24:00' }, '2027-06-06T21:59:00Z')).toBe(true);
    expect(holds({}, '2027-12-25T10:00:00Z')).toBe(false);
  });

  describe('on public holidays', () => {
    const bastilleDay = new Date('2027-07-14T08:15:00Z');

    it('by default does not hold on a holiday the structure does not work, naming it', () => {
      expect(matchWindow(weekdayMornings, bastilleDay, calendar())).toEqual({
        holds: false,
        reason: 'mercredi 14 juillet 2027 10:15 (Europe/Paris) : Fête nationale, jour férié non travaillé',
      });
    });

    it('with onHolidays included ignores the holiday', () => {
      const window: TimeWindow = { ...weekdayMornings, onHolidays: 'included' };
      expect(matchWindow(window, bastilleDay, calendar())).toEqual({
        holds: true,
        reason: 'mercredi 10:15 dans lundi–vendredi 08:00–12:00 (Fête nationale, jour férié)',
      });
    });

    it('with onHolidays only holds on a closed holiday and nowhere else', () => {
      const closed: TimeWindow = { onHolidays: 'only' };
      expect(holds(closed, '2027-07-14T08:15:00Z')).toBe(true);
      expect(matchWindow(closed, new Date('2027-07-15T08:15:00Z'), calendar())).toEqual({
        holds: false,
        reason: 'jeudi 15 juillet 2027 10:15 (Europe/Paris) : pas un jour férié',
      });
    });

    it('treats a worked holiday (Whit Monday) as an ordinary day', () => {
      const whitMonday = new Date('2027-05-17T07:30:00Z');
      const working = calendar({ workedHolidays: ['whit-monday'] });
      expect(holds(weekdayMornings, whitMonday.toISOString())).toBe(false);
      expect(matchWindow(weekdayMornings, whitMonday, working)).toEqual({
        holds: true,
        reason: 'lundi 09:30 dans lundi–vendredi 08:00–12:00 (Lundi de Pentecôte, jour férié travaillé)',
      });
      expect(matchWindow({ onHolidays: 'only' }, whitMonday, working)).toEqual({
        holds: false,
        reason: 'lundi 17 mai 2027 09:30 (Europe/Paris) : Lundi de Pentecôte, jour férié travaillé par la structure',
      });
    });

    it('follows the site’s territory: Good Friday closes Metz, not Paris', () => {
      const goodFriday = '2027-03-26T09:00:00Z';
      expect(holds(weekdayMornings, goodFriday)).toBe(true);
      expect(holds(weekdayMornings, goodFriday, calendar({ territory: 'alsace-moselle' }))).toBe(false);
    });

    it('decides the holiday by the site’s date, not by the UTC date', () => {
      // 22:30Z on 13 July is already Bastille Day in Paris and Nouméa; 03:00Z on 15 July is still Bastille Day in
      // Martinique.
      const everyHour: TimeWindow = {};
      expect(holds(everyHour, '2027-07-13T22:30:00Z')).toBe(false);
      expect(holds(everyHour, '2027-07-13T21:30:00Z')).toBe(true);
      const noumea = calendar({ timeZone: 'Pacific/Noumea', territory: 'nouvelle-caledonie' });
      expect(holds(everyHour, '2027-07-13T13:30:00Z', noumea)).toBe(false);
      expect(holds(everyHour, '2027-07-14T13:30:00Z', noumea)).toBe(true);
      const martinique = calendar({ timeZone: 'America/Martinique', territory: 'martinique' });
      expect(holds(everyHour, '2027-07-15T03:00:00Z', martinique)).toBe(false);
      expect(holds(everyHour, '2027-07-15T04:00:00Z', martinique)).toBe(true);
    });
  });

  describe('across daylight-saving changes in Europe/Paris', () => {
    it('keeps 08:00–12:00 on the wall clock when summer time starts (Sunday 28 March 2027)', () => {
      // 06:30Z is 07:30 on Friday 26 March (UTC+1) but 08:30 on Tuesday 30 March (UTC+2).
      expect(holds(weekdayMornings, '2027-03-26T06:30:00Z')).toBe(false);
      expect(holds(weekdayMornings, '2027-03-26T07:30:00Z')).toBe(true);
      expect(holds(weekdayMornings, '2027-03-30T06:30:00Z')).toBe(true);
      expect(holds(weekdayMornings, '2027-03-30T05:30:00Z')).toBe(false);
    });

    it('reads the Monday after (Easter Monday, worked here) at 08:30 summer time', () => {
      const site = calendar({ workedHolidays: ['easter-monday'] });
      expect(matchWindow(weekdayMornings, new Date('2027-03-29T06:30:00Z'), site).reason).toBe(
        'lundi 08:30 dans lundi–vendredi 08:00–12:00 (Lundi de Pâques, jour férié travaillé)',
      );
    });

    it('keeps 08:00–12:00 on the wall clock when winter time returns (Sunday 31 October 2027)', () => {
      // The Monday after is All Saints' Day; 07:30Z is 08:30 there (UTC+1) and 06:30Z only 07:30.
      const allSaintsWorked = calendar({ workedHolidays: ['all-saints'] });
      expect(holds(weekdayMornings, '2027-11-01T07:30:00Z', allSaintsWorked)).toBe(true);
      expect(holds(weekdayMornings, '2027-11-01T06:30:00Z', allSaintsWorked)).toBe(false);
      expect(holds(weekdayMornings, '2027-10-29T06:30:00Z')).toBe(true);
      expect(holds(weekdayMornings, '2027-11-02T06:30:00Z')).toBe(false);
    });

    it('matches both passes of the repeated hour on the night winter time returns', () => {
      const repeatedHour: TimeWindow = { days: ['sun'], from: '02:00', to: '03:00' };
      expect(matchWindow(repeatedHour, new Date('2027-10-31T00:30:00Z'), calendar()).reason).toBe(
        'dimanche 02:30 dans dimanche 02:00–03:00',
      );
      expect(holds(repeatedHour, '2027-10-31T01:30:00Z')).toBe(true);
      expect(holds(repeatedHour, '2027-10-31T02:30:00Z')).toBe(false);
    });
  });

  describe('in overseas zones without daylight saving', () => {
    it('reads Martinique at UTC−4 all year', () => {
      const martinique = calendar({ timeZone: 'America/Martinique', territory: 'martinique' });
      for (const day of ['2027-01-12', '2027-07-13']) {
        expect(holds(weekdayMornings, `${day}T12:00:00Z`, martinique)).toBe(true);
        expect(holds(weekdayMornings, `${day}T11:59:00Z`, martinique)).toBe(false);
      }
    });

    it('takes the weekday from Nouméa: a Wednesday evening in UTC is Thursday morning there', () => {
      const noumea = calendar({ timeZone: 'Pacific/Noumea', territory: 'nouvelle-caledonie' });
      const wednesdayEveningUtc = new Date('2027-06-30T21:30:00Z');
      expect(matchWindow({ days: ['thu'], from: '08:00', to: '12:00' }, wednesdayEveningUtc, noumea)).toEqual({
        holds: true,
        reason: 'jeudi 08:30 dans jeudi 08:00–12:00',
      });
      expect(matchWindow({ days: ['wed'] }, wednesdayEveningUtc, noumea)).toEqual({
        holds: false,
        reason: 'jeudi hors de mercredi',
      });
    });

    it('takes the weekday from Martinique: just after midnight UTC on Thursday is Wednesday evening there', () => {
      const martinique = calendar({ timeZone: 'America/Martinique', territory: 'martinique' });
      expect(holds({ days: ['wed'], from: '18:00' }, '2027-07-01T00:10:00Z', martinique)).toBe(true);
      expect(holds({ days: ['thu'] }, '2027-07-01T00:10:00Z', martinique)).toBe(false);
    });
  });

  it('describes scattered days in week order, runs of three or more as a range', () => {
    const window: TimeWindow = { days: ['fri', 'mon', 'tue', 'wed', 'sun'] };
    expect(matchWindow(window, new Date('2027-06-10T10:00:00Z'), calendar()).reason).toBe(
      'jeudi hors de lundi–mercredi, vendredi, dimanche',
    );
    expect(matchWindow(window, new Date('2027-06-11T10:00:00Z'), calendar()).reason).toBe(
      'vendredi 12:00 dans lundi–mercredi, vendredi, dimanche toute la journée',
    );
  });

  it('refuses an unknown site zone, naming the field', () => {
    expect(() => matchWindow({}, new Date('2027-06-07T07:30:00Z'), calendar({ timeZone: 'Europe/Lutece' }))).toThrow(
      /calendar\.timeZone: "Europe\/Lutece"/,
    );
  });
});

describe('parseWallTime', () => {
  it.each([
    ['00:00', 0],
    ['08:30', 510],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('reads %s as %i minutes', (text, minutes) => {
    expect(parseWallTime(text)).toBe(minutes);
  });

  it.each(['8:30', '08h30', '24:01', '25:00', '12:60', '', ' 08:30'])('refuses %j', (text) => {
    expect(parseWallTime(text)).toBeUndefined();
  });
});

describe('windowProblems', () => {
  it('finds nothing wrong with a well-formed window, nor with an empty one', () => {
    expect(windowProblems({ ...weekdayMornings, onHolidays: 'only' })).toEqual([]);
    expect(windowProblems({ from: '14:00', to: '24:00' })).toEqual([]);
    expect(windowProblems({})).toEqual([]);
  });

  it.each<[string, TimeWindow, string]>([
    ['a malformed from', { from: '8h' }, 'rules[2].when.window.from'],
    ['from at 24:00', { from: '24:00' }, 'rules[2].when.window.from'],
    ['to at 24:30', { to: '24:30' }, 'rules[2].when.window.to'],
    ['to before from', { from: '12:00', to: '08:00' }, 'rules[2].when.window.to'],
    ['to equal to from', { from: '12:00', to: '12:00' }, 'rules[2].when.window.to'],
    ['no days', { days: [] }, 'rules[2].when.window.days'],
    ['a day twice', { days: ['mon', 'tue', 'mon'] }, 'rules[2].when.window.days[2]'],
    ['an unknown day', { days: ['mon', 'lun' as never] }, 'rules[2].when.window.days[1]'],
    ['an unknown holiday rule', { onHolidays: 'sometimes' as never }, 'rules[2].when.window.onHolidays'],
  ])('reports %s at its path under the prefix', (_label, window, path) => {
    const problems = windowProblems(window, 'rules[2].when.window');
    expect(problems.map((problem) => problem.path)).toEqual([path]);
    expect(problems[0].reason).not.toBe('');
  });

  it('explains in French what was expected', () => {
    expect(windowProblems({ from: '12:00', to: '08:00', days: ['mon', 'mon'] })).toEqual([
      { path: 'window.to', reason: 'doit être après le début 12:00 (reçu 08:00)' },
      { path: 'window.days[1]', reason: 'lundi figure deux fois' },
    ]);
    expect(windowProblems({ to: '25:00' })).toEqual([
      { path: 'window.to', reason: 'heure HH:mm de 00:00 à 24:00 attendue (reçu "25:00")' },
    ]);
  });

  it('reports every problem, not only the first', () => {
    expect(windowProblems({ from: 'x', to: 'y', days: [], onHolidays: 'never' as never })).toHaveLength(4);
  });

  it('refuses values of the wrong type, as JSON may carry them', () => {
    expect(windowProblems({ from: 800 as never, days: 'mon' as never }).map((problem) => problem.path)).toEqual([
      'window.from',
      'window.days',
    ]);
  });
});
