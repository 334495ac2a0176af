import { motifsFor } from './demo-motifs';

/** A practitioner of a demo structure as scheduling's projection knows them; `index` varies their week. */
export interface DemoPractitioner {
  memberId: string;
  profession: string;
  /** Sites of the structure they work at, in a stable order. */
  siteIds: string[];
  index: number;
}

/** One opening range to define: some weekdays at one site, one half-day. */
export interface DemoRangePlan {
  practitionerId: string;
  siteId: string;
  weekdays: number[];
  startTime: string;
  endTime: string;
  motifKeys: string[];
  snpShare: number;
}

interface Week {
  days: number[];
  morning: [string, string];
  afternoon: [string, string] | null;
  /** A weekday whose afternoon is off. */
  afternoonOff?: number;
}

const GP_HOURS: ReadonlyArray<Pick<Week, 'morning' | 'afternoon'>> = [
  { morning: ['08:30', '12:00'], afternoon: ['14:00', '19:00'] },
  { morning: ['08:00', '12:00'], afternoon: ['14:00', '18:30'] },
  { morning: ['09:00', '12:30'], afternoon: ['14:00', '19:00'] },
];

function weekOf(p: DemoPractitioner): Week | null {
  switch (p.profession) {
    case 'general_practitioner':
    case 'specialist_physician':
      // A half-day off each, on a different weekday (Wednesday afternoons are the classic).
      return {
        days: [1, 2, 3, 4, 5],
        ...GP_HOURS[p.index % GP_HOURS.length],
        afternoonOff: [3, 5, 2, 4, 1][p.index % 5],
      };
    case 'nurse':
    case 'advanced_practice_nurse':
      return { days: [1, 2, 3, 4, 5], morning: ['08:00', '12:00'], afternoon: ['16:00', '19:00'] };
    case 'physiotherapist':
    case 'midwife':
      return { days: [1, 2, 4, 5], morning: ['09:00', '12:30'], afternoon: ['14:00', '18:30'] };
    case 'psychologist':
    case 'dietitian':
    case 'podiatrist':
    case 'speech_therapist':
      return { days: [p.index % 2 ? 2 : 1, 4], morning: ['09:00', '12:30'], afternoon: ['13:30', '17:30'] };
    case 'pharmacist':
      return { days: [2, 4], morning: ['09:00', '12:00'], afternoon: null };
    case 'dentist':
      return { days: [1, 2, 3, 4], morning: ['08:30', '12:30'], afternoon: ['14:00', '18:00'] };
    default:
      return null;
  }
}

/**
 * The weekly ranges of one practitioner: their working days shared among their sites in turn (shifted by `index`, so
 * colleagues are not all at the same site on the same day), a morning and an afternoon range per site, offering the
 * motifs of their profession; general practitioners hold back 10 % for unscheduled care (SNP).
 */
export function planWeek(p: DemoPractitioner): DemoRangePlan[] {
  const week = weekOf(p);
  const motifKeys = motifsFor(p.profession).map((m) => m.key);
  if (!week || !p.siteIds.length || !motifKeys.length) return [];
  const snpShare = p.profession === 'general_practitioner' ? 0.1 : 0;
  const siteOfDay = (i: number) => p.siteIds[(i + p.index) % p.siteIds.length];
  const plans: DemoRangePlan[] = [];
  for (const siteId of p.siteIds) {
    const days = week.days.filter((_day, i) => siteOfDay(i) === siteId);
    if (!days.length) continue;
    plans.push({
      practitionerId: p.memberId,
      siteId,
      weekdays: days,
      startTime: week.morning[0],
      endTime: week.morning[1],
      motifKeys,
      snpShare,
    });
    const afternoons = days.filter((day) => day !== week.afternoonOff);
    if (week.afternoon && afternoons.length) {
      plans.push({
        practitionerId: p.memberId,
        siteId,
        weekdays: afternoons,
        startTime: week.afternoon[0],
        endTime: week.afternoon[1],
        motifKeys,
        snpShare,
      });
    }
  }
  return plans;
}
