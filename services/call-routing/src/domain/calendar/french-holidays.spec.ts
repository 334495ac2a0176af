import {
  closedHolidayOn,
  defaultTerritoryOf,
  HOLIDAY_IDS,
  isHolidayId,
  publicHolidayOn,
  publicHolidaysOf,
} from './french-holidays';
import { HOLIDAY_TERRITORIES } from './site-calendar';

describe('publicHolidayOn', () => {
  it.each([
    ['2027-07-14', 'bastille-day', 'Fête nationale'],
    ['2027-05-06', 'ascension', 'Ascension'],
    ['2027-05-17', 'whit-monday', 'Lundi de Pentecôte'],
    ['2027-03-29', 'easter-monday', 'Lundi de Pâques'],
  ])('in mainland France, %s is %s', (date, id, name) => {
    expect(publicHolidayOn(date, 'mainland')).toEqual({ id, name });
  });

  it('finds nothing on an ordinary day, nor on Whit Sunday, which is not a public holiday', () => {
    expect(publicHolidayOn('2027-07-13', 'mainland')).toBeUndefined();
    expect(publicHolidayOn('2027-05-16', 'mainland')).toBeUndefined();
  });

  it.each([
    ['2027-03-26', 'good-friday'],
    ['2027-12-26', 'st-stephen'],
  ])('has %s (%s) a holiday in Alsace-Moselle only, not in mainland France', (date, id) => {
    expect(publicHolidayOn(date, 'alsace-moselle')?.id).toBe(id);
    expect(publicHolidayOn(date, 'mainland')).toBeUndefined();
  });

  it.each([
    ['martinique', '2027-05-22'],
    ['guadeloupe', '2027-05-27'],
    ['reunion', '2027-12-20'],
    ['guyane', '2027-06-10'],
    ['mayotte', '2027-04-27'],
  ] as const)(
    'celebrates the abolition of slavery in %s on %s and not on the other departments’ days',
    (territory, date) => {
      expect(publicHolidayOn(date, territory)).toEqual({
        id: 'abolition-of-slavery',
        name: 'Abolition de l’esclavage',
      });
      expect(publicHolidayOn(date, 'mainland')).toBeUndefined();
      const abolitionDays = publicHolidaysOf(2027, territory).filter(
        (holiday) => holiday.id === 'abolition-of-slavery',
      );
      expect(abolitionDays.map((holiday) => holiday.date)).toEqual([date]);
    },
  );

  it('reads a Pacific territory’s own holidays', () => {
    expect(publicHolidayOn('2027-09-24', 'nouvelle-caledonie')?.id).toBe('new-caledonia-day');
    expect(publicHolidayOn('2027-01-01', 'nouvelle-caledonie')).toEqual({ id: 'new-year', name: 'Jour de l’an' });
  });

  it('refuses a date that is not YYYY-MM-DD, naming it', () => {
    expect(() => publicHolidayOn('14/07/2027', 'mainland')).toThrow(/localDate: "14\/07\/2027" is not a date/);
  });
});

describe('publicHolidaysOf', () => {
  it('lists mainland France’s eleven public holidays of 2027 in date order', () => {
    const holidays = publicHolidaysOf(2027, 'mainland');
    expect(holidays.map((holiday) => `${holiday.date} ${holiday.id}`)).toEqual([
      '2027-01-01 new-year',
      '2027-03-29 easter-monday',
      '2027-05-01 labour-day',
      '2027-05-06 ascension',
      '2027-05-08 victory-1945',
      '2027-05-17 whit-monday',
      '2027-07-14 bastille-day',
      '2027-08-15 assumption',
      '2027-11-01 all-saints',
      '2027-11-11 armistice',
      '2027-12-25 christmas',
    ]);
  });

  it('keeps two holidays falling on the same day (Ascension on 1 May 2008)', () => {
    expect(
      publicHolidaysOf(2008, 'mainland')
        .filter((holiday) => holiday.date === '2008-05-01')
        .map((holiday) => holiday.id),
    ).toEqual(['labour-day', 'ascension']);
  });

  it('gives only ids validation knows, for every territory and year, so any holiday can be listed as worked', () => {
    const unknown = new Set<string>();
    for (const territory of HOLIDAY_TERRITORIES) {
      for (let year = 2020; year <= 2040; year++) {
        for (const holiday of publicHolidaysOf(year, territory)) if (!isHolidayId(holiday.id)) unknown.add(holiday.id);
      }
    }
    expect([...unknown]).toEqual([]);
  });

  it('has no holiday id that no territory ever uses', () => {
    const used = new Set(
      HOLIDAY_TERRITORIES.flatMap((territory) =>
        [2020, 2027].flatMap((year) => publicHolidaysOf(year, territory).map((holiday) => holiday.id)),
      ),
    );
    expect(HOLIDAY_IDS.filter((id) => !used.has(id))).toEqual([]);
  });

  it('hands out copies: a caller editing the list does not change later answers', () => {
    publicHolidaysOf(2027, 'mainland')[0].name = 'modifié';
    expect(publicHolidayOn('2027-01-01', 'mainland')?.name).toBe('Jour de l’an');
  });
});

describe('isHolidayId', () => {
  it('knows holiday ids and nothing else', () => {
    expect(isHolidayId('whit-monday')).toBe(true);
    expect(isHolidayId('abolition-of-slavery')).toBe(true);
    expect(isHolidayId('pentecote')).toBe(false);
    expect(isHolidayId('toString')).toBe(false);
  });
});

describe('closedHolidayOn', () => {
  it('does not close the site on a holiday the structure works', () => {
    expect(closedHolidayOn('2027-05-17', { territory: 'mainland', workedHolidays: [] })?.id).toBe('whit-monday');
    expect(closedHolidayOn('2027-05-17', { territory: 'mainland', workedHolidays: ['whit-monday'] })).toBeUndefined();
  });

  it('keeps the site closed when only one of two same-day holidays is worked', () => {
    expect(closedHolidayOn('2008-05-01', { territory: 'mainland', workedHolidays: ['ascension'] })?.id).toBe(
      'labour-day',
    );
  });
});

describe('defaultTerritoryOf', () => {
  it.each([
    ['Europe/Paris', 'mainland'],
    ['America/Guadeloupe', 'guadeloupe'],
    ['America/Martinique', 'martinique'],
    ['America/Cayenne', 'guyane'],
    ['Indian/Reunion', 'reunion'],
    ['Indian/Mayotte', 'mayotte'],
    ['America/St_Barthelemy', 'saint-barthelemy'],
    ['America/Marigot', 'saint-martin'],
    ['America/Miquelon', 'saint-pierre-et-miquelon'],
    ['Pacific/Noumea', 'nouvelle-caledonie'],
    ['Pacific/Tahiti', 'polynesie-francaise'],
    ['Pacific/Marquesas', 'polynesie-francaise'],
    ['Pacific/Gambier', 'polynesie-francaise'],
    ['Pacific/Wallis', 'wallis-et-futuna'],
    ['Europe/Brussels', 'mainland'],
    ['UTC', 'mainland'],
  ])('reads %s as %s', (zone, territory) => {
    expect(defaultTerritoryOf(zone)).toBe(territory);
  });
});
