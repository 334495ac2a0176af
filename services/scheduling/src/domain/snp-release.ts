import { addDays, type LocalDate } from './local-date';
import { SchedulingError } from './scheduling-error';
import { parseWallTime } from './wall-time';
import { atWallTime } from './zoned-time';

/**
 * When held-back unscheduled-care (SNP) slots become visible outside staff: at `at` (site wall time), `daysBefore` days
 * before the slot's own day — { daysBefore: 1, at: '18:00' } is "18:00 the day before", { 0, '08:00' } "08:00 the same day".
 */
export interface SnpReleaseRule {
  daysBefore: number;
  at: string;
}

export const DEFAULT_SNP_RELEASE: SnpReleaseRule = { daysBefore: 1, at: '18:00' };

export function assertSnpReleaseRule(rule: SnpReleaseRule, field: string): SnpReleaseRule {
  if (!Number.isInteger(rule.daysBefore) || rule.daysBefore < 0 || rule.daysBefore > 14) {
    throw SchedulingError.invalid(`${field}.daysBefore`, 'must be a whole number of days from 0 to 14');
  }
  parseWallTime(rule.at, `${field}.at`);
  return { daysBefore: rule.daysBefore, at: rule.at };
}

/** The instant the SNP slots of `slotDate` (a local date in `zone`) are released. */
export function snpReleaseInstant(rule: SnpReleaseRule, slotDate: LocalDate, zone: string): Date {
  return atWallTime(addDays(slotDate, -rule.daysBefore), parseWallTime(rule.at, 'snpRelease.at'), zone);
}

/** Which slots of an occurrence's grid are SNP: the rule is shared with indicators' SNP capacity (`@msp/calendar`). */
export { isSnpIndex } from '@msp/calendar';
