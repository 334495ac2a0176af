import type { IndicatorValues } from './scoring';
import { medicalTimeFreed, type TimeFreed, type TimeFreedParameters } from './time-freed';

/** What the other services' events say happened, for one structure (or one practitioner of it) over one period. */
export interface ActivityCounts {
  appointmentsCompleted: number;
  noShows: number;
  callsReceived: number;
  callsWithoutHuman: number;
  callsTransferred: number;
  messagesTaken: number;
  /** Calls about a practitioner who was in consultation when call routing decided. */
  callsDuringConsultation: number;
  consultationsInterrupted: number;
  interruptionsAvoided: number;
  delegatedTasksCompleted: number;
  delegatedMinutes: number;
  /** Structure only: meetings are not one practitioner's. */
  meetingsHeld: number;
  pluriprofessionalMeetingsHeld: number;
  protocolsAdopted: number;
  /**
   * Structure only: minutes during which at least one site was open over the period (union of every practitioner's
   * opening ranges less their absences, across sites on the time line: `openingCapacity`).
   */
  openingMinutes: number;
  /** SNP slots the opening ranges held back over the period (a practitioner's: their own ranges'). */
  snpSlots: number;
}

export const NO_ACTIVITY: ActivityCounts = {
  appointmentsCompleted: 0,
  noShows: 0,
  callsReceived: 0,
  callsWithoutHuman: 0,
  callsTransferred: 0,
  messagesTaken: 0,
  callsDuringConsultation: 0,
  consultationsInterrupted: 0,
  interruptionsAvoided: 0,
  delegatedTasksCompleted: 0,
  delegatedMinutes: 0,
  meetingsHeld: 0,
  pluriprofessionalMeetingsHeld: 0,
  protocolsAdopted: 0,
  openingMinutes: 0,
  snpSlots: 0,
};

export function addActivity(a: ActivityCounts, b: ActivityCounts): ActivityCounts {
  const sum = { ...a };
  for (const key of Object.keys(sum) as Array<keyof ActivityCounts>) sum[key] = a[key] + b[key];
  return sum;
}

/** The operational indicators the events measure: every one of the operational catalogue. */
export const COMPUTED_OPERATIONAL_CODES = [
  'OPS-NO-SHOW-RATE',
  'OPS-CALLS-WITHOUT-HUMAN',
  'OPS-CONSULTATIONS-INTERRUPTED',
  'OPS-INTERRUPTIONS-AVOIDED',
  'OPS-DELEGATED-TIME-FREED',
  'OPS-MEDICAL-TIME-FREED',
  'OPS-PLURIPRO-MEETINGS',
  'OPS-PROTOCOLS-ADOPTED',
  'OPS-OPENING-AMPLITUDE',
  'OPS-SNP-CAPACITY',
] as const;
export type ComputedOperationalCode = (typeof COMPUTED_OPERATIONAL_CODES)[number];

export function timeFreedOf(
  counts: ActivityCounts,
  periodDays: number,
  practitioners: number,
  parameters: TimeFreedParameters,
): TimeFreed {
  return medicalTimeFreed(
    {
      delegatedMinutesCompleted: counts.delegatedMinutes,
      callsHandledWithoutHuman: counts.callsWithoutHuman,
      interruptionsAvoided: counts.interruptionsAvoided,
      periodDays,
      practitioners: Math.max(1, practitioners),
    },
    parameters,
  );
}

/**
 * The values `score()` takes for each computed operational indicator, as the catalogue defines them: the no-show rate
 * over appointments whose time passed (done or missed, cancellations apart); calls handled without a human over calls
 * received; consultations interrupted (one call put through to a practitioner in consultation) over consultations
 * held; counts and minutes otherwise. Meetings and protocols are the structure's: a practitioner's figure has none.
 * The opening amplitude is a weekly figure: the period's opening minutes × 7 / its days (a month of 30 days is 30/7
 * weeks); the SNP capacity is the period's SNP slots.
 */
export function operationalValues(
  counts: ActivityCounts,
  timeFreed: TimeFreed,
  periodDays: number,
): Record<ComputedOperationalCode, IndicatorValues> {
  return {
    'OPS-NO-SHOW-RATE': { numerator: counts.noShows, denominator: counts.appointmentsCompleted + counts.noShows },
    'OPS-CALLS-WITHOUT-HUMAN': { numerator: counts.callsWithoutHuman, denominator: counts.callsReceived },
    'OPS-CONSULTATIONS-INTERRUPTED': {
      numerator: counts.consultationsInterrupted,
      denominator: counts.appointmentsCompleted,
    },
    'OPS-INTERRUPTIONS-AVOIDED': { value: counts.interruptionsAvoided },
    'OPS-DELEGATED-TIME-FREED': { value: counts.delegatedMinutes },
    'OPS-MEDICAL-TIME-FREED': { value: timeFreed.minutesPerPractitionerPerWeek },
    'OPS-PLURIPRO-MEETINGS': { value: counts.pluriprofessionalMeetingsHeld },
    'OPS-PROTOCOLS-ADOPTED': { value: counts.protocolsAdopted },
    'OPS-OPENING-AMPLITUDE': { value: Math.round(((counts.openingMinutes * 7) / periodDays) * 100) / 100 },
    'OPS-SNP-CAPACITY': { value: counts.snpSlots },
  };
}
