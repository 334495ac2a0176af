import type { TFunction } from 'i18next';
import { frenchDate } from '../../common/zoned-time';
import type { OpeningRange } from './agenda-settings.queries';
import { weeklyDaysOf } from './range-format';

/** "lundi, jeudi" (every week), "vendredi, une semaine sur 2", or the rule itself when the form cannot show it. */
export function daysLabel(range: Pick<OpeningRange, 'recurrence'>, t: TFunction): string {
  const days = weeklyDaysOf(range.recurrence);
  if (!days) return t('agendaSettings.ranges.rule', { rule: range.recurrence });
  const names = days.weekdays.map((day) => t(`agendaSettings.weekdays.${day}`)).join(', ');
  return days.intervalWeeks > 1
    ? `${names}, ${t('agendaSettings.ranges.everyNWeeks', { count: days.intervalWeeks })}`
    : names;
}

export function hoursLabel(range: Pick<OpeningRange, 'startTime' | 'endTime'>, t: TFunction): string {
  return t('agendaSettings.ranges.hours', { start: range.startTime, end: range.endTime });
}

/** "samedi 09:00 – 12:00": how a range is named in messages and in the labels of its buttons. */
export function rangeLabel(range: Pick<OpeningRange, 'recurrence' | 'startTime' | 'endTime'>, t: TFunction): string {
  return `${daysLabel(range, t)} ${hoursLabel(range, t)}`;
}

/** Since when and until when the range holds, read against today at the site. */
export function validityLabel(
  range: Pick<OpeningRange, 'validFrom' | 'validUntil'>,
  today: string,
  t: TFunction,
): string {
  const from = frenchDate(range.validFrom);
  if (range.validUntil && range.validUntil < today)
    return t('agendaSettings.ranges.ended', { until: frenchDate(range.validUntil) });
  if (range.validUntil) return t('agendaSettings.ranges.between', { from, until: frenchDate(range.validUntil) });
  return range.validFrom > today
    ? t('agendaSettings.ranges.startsOn', { from })
    : t('agendaSettings.ranges.since', { from });
}

/** "10 % (libérés la veille à 18:00)", or none. */
export function snpLabel(range: Pick<OpeningRange, 'snpShare' | 'snpRelease'>, t: TFunction): string {
  if (!range.snpShare) return t('agendaSettings.ranges.noSnp');
  const { daysBefore, at } = range.snpRelease;
  const release =
    daysBefore === 0
      ? t('agendaSettings.ranges.release.sameDay', { at })
      : daysBefore === 1
        ? t('agendaSettings.ranges.release.dayBefore', { at })
        : t('agendaSettings.ranges.release.daysBefore', { count: daysBefore, at });
  return t('agendaSettings.ranges.snpShare', { share: Math.round(range.snpShare * 100), release });
}

/**
 * The form field a refusal names (`input.motifIds[2]` → `motifIds`, `input.snpRelease.at` → `snpRelease`) and what to
 * say beside it, in French when the console knows the rule; otherwise the platform's own words.
 */
export function fieldRefusal(
  field: string | undefined,
  message: string,
  t: TFunction,
): { key: string; text: string } | null {
  const key = field?.replace(/^input\./, '').split(/[.[]/)[0];
  if (!key) return null;
  const text = /overlaps/.test(message)
    ? t('agendaSettings.fieldErrors.overlap')
    : t(`agendaSettings.fieldErrors.${key}`, { defaultValue: message });
  return { key, text };
}
