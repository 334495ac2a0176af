import { DemoDraw, demoMonth, type DemoMonth } from '@msp/service-kit';
import { DateTime } from 'luxon';
import type { AttendanceStatus, CaseTheme, InvitationAnswer, MeetingKind } from '../domain/meeting';
import { DEMO_RCP_SERIES, DEMO_SYNTHESIS } from './demo-meetings';

/**
 * The demo month of coordination, as a pure plan: the concertation meetings the practice held in the calendar month
 * before the first start — when each was scheduled, who answered what and when, who came, how many cases were on the
 * agenda, the decisions and action items, when the minutes were closed. The player runs it through the application
 * handlers, each step at its instant; the patients are chosen then, by `eligiblePatientsToReview`.
 */

/**
 * Facts §5: the ACI asks for at least 6 concertation meetings a year. The demo practice holds a monthly RCP (its
 * series, `DEMO_RCP_SERIES`: the first Tuesday, 12:30–14:00), so one in the month: 12 a year, twice the minimum.
 */
export const RCPS_PER_MONTH = 1;
/** Assumption: about 15 minutes per complex case, so a 90-minute RCP reviews six. */
export const MINUTES_PER_CASE = 15;
/** Assumption: the RCP is placed three weeks ahead, its agenda of cases set the week before. */
export const RCP_SCHEDULED_DAYS_BEFORE = 21;
export const AGENDA_DAYS_BEFORE = 7;
/**
 * Assumption: one synthesis meeting a month on an elderly patient at home (the demo already plans the next one),
 * organised by a GP over lunch with the patient's nurse, physiotherapist and advanced practice nurse — who, this
 * month, were held on their home rounds: only physicians came. Scripted, not drawn, to show a meeting the
 * pluriprofessional rule does not count (indicators and the ACI check keep it apart).
 */
export const SYNTHESES_PER_MONTH = 1;
export const SYNTHESIS_SCHEDULED_DAYS_BEFORE = 10;
/** Assumption: how invitees answer an RCP invitation, and whether each then comes. */
export const ANSWER_SHARES: ReadonlyArray<readonly [InvitationAnswer | null, number]> = [
  ['yes', 0.65],
  ['maybe', 0.1],
  ['no', 0.15],
  [null, 0.1],
];
export const PRESENT_GIVEN_ANSWER: ReadonlyArray<readonly [InvitationAnswer | null, number]> = [
  ['yes', 0.9],
  ['maybe', 0.5],
  ['no', 0],
  [null, 0.3],
];
/** Assumption: an action item or two per RCP, one per synthesis. */
export const RCP_ACTION_ITEMS: readonly [number, number] = [1, 2];

// ── Wording ─────────────────────────────────────────────────────────────────────────────────────────────────────

interface CaseWording {
  theme: CaseTheme;
  reason: string;
  decision: string;
  /** What someone must do after it; the task type delegation files it under. */
  action: { description: string; taskType: string; to: 'coordinator' | 'pool' };
}

const RCP_CASES: readonly CaseWording[] = [
  {
    theme: 'polymedication',
    reason: 'Douze lignes de traitement, deux chutes depuis l’été : revue de l’ordonnance avec le pharmacien.',
    decision: 'Arrêt de la benzodiazépine en décroissance sur six semaines ; bilan de chute par le kinésithérapeute.',
    action: {
      description: 'Programmer le bilan de chute à domicile avec le kinésithérapeute',
      taskType: 'professional_coordination',
      to: 'coordinator',
    },
  },
  {
    theme: 'elderly_at_home',
    reason: 'Patiente de 88 ans seule à domicile, perte de poids et isolement depuis le décès de son mari.',
    decision: 'Passage infirmier deux fois par semaine ; évaluation nutritionnelle par la diététicienne.',
    action: {
      description: 'Demander l’évaluation APA et prévenir le CCAS',
      taskType: 'professional_coordination',
      to: 'coordinator',
    },
  },
  {
    theme: 'chronic_disease_decompensation',
    reason: 'Insuffisance cardiaque : deux hospitalisations en trois mois, observance incertaine.',
    decision: 'Pesée quotidienne par l’infirmière avec seuil d’alerte ; consultation de suivi à quinze jours.',
    action: {
      description: 'Récupérer le compte rendu de la dernière hospitalisation en cardiologie',
      taskType: 'exam_follow_up',
      to: 'pool',
    },
  },
  {
    theme: 'polypathology',
    reason: 'Diabète, insuffisance rénale modérée et arthrose invalidante : priorités de soins à partager.',
    decision: 'Objectifs glycémiques assouplis ; adaptation des doses à la fonction rénale par le pharmacien.',
    action: {
      description: 'Relancer le bilan rénal de contrôle prescrit en consultation',
      taskType: 'exam_follow_up',
      to: 'pool',
    },
  },
  {
    theme: 'loss_of_autonomy',
    reason: 'Troubles cognitifs débutants, oublis de traitement signalés par la pharmacie.',
    decision: 'Pilulier préparé par la pharmacie ; consultation mémoire demandée.',
    action: {
      description: 'Adresser la demande de consultation mémoire et suivre le rendez-vous',
      taskType: 'professional_coordination',
      to: 'coordinator',
    },
  },
  {
    theme: 'complex_patient',
    reason: 'BPCO sévère, tabagisme actif et difficultés sociales : plusieurs intervenants sans coordination.',
    decision: 'Infirmière en pratique avancée référente du suivi ; réhabilitation respiratoire proposée.',
    action: {
      description: 'Contacter le centre de réhabilitation respiratoire pour une date',
      taskType: 'professional_coordination',
      to: 'coordinator',
    },
  },
  {
    theme: 'palliative_care',
    reason: 'Cancer évolué, souhait de rester à domicile : anticipation de la fin de vie.',
    decision: 'Lien avec l’équipe mobile de soins palliatifs ; prescriptions anticipées rédigées par le médecin.',
    action: {
      description: 'Contacter l’équipe mobile de soins palliatifs et organiser la première visite',
      taskType: 'professional_coordination',
      to: 'coordinator',
    },
  },
  {
    theme: 'mental_health',
    reason: 'Syndrome dépressif chez un aidant épuisé, lui-même en ALD.',
    decision: 'Suivi par la psychologue de la MSP ; solution de répit à rechercher pour l’aidé.',
    action: {
      description: 'Rechercher une place d’accueil de jour pour l’aidé',
      taskType: 'professional_coordination',
      to: 'coordinator',
    },
  },
];

const SYNTHESIS_CASE: CaseWording = {
  theme: 'elderly_at_home',
  reason: 'Maintien à domicile d’un patient de 91 ans après une chute : organisation des passages et des aides.',
  decision: 'Décision reportée : la synthèse sera reprise avec l’infirmière et le kinésithérapeute.',
  action: {
    description: 'Reprogrammer la synthèse avec l’infirmière et le kinésithérapeute',
    taskType: 'professional_coordination',
    to: 'coordinator',
  },
};

// ── The plan ────────────────────────────────────────────────────────────────────────────────────────────────────

export interface DemoClinician {
  memberId: string;
  profession: string;
}

export interface PlannedCase {
  theme: CaseTheme;
  reason: string;
  decision: string;
}

export interface PlannedActionItem {
  /** The case it follows, by position on the agenda. */
  caseIndex: number;
  description: string;
  taskType: string;
  /** The structure's coordinator, or nobody (delegation's pool for the task type). */
  to: 'coordinator' | 'pool';
}

export interface PlannedMeeting {
  kind: MeetingKind;
  title: string;
  organizerId: string;
  inviteeIds: string[];
  scheduledAt: Date;
  startsAt: Date;
  endsAt: Date;
  /** Invitees who answered (the organiser answers yes when scheduling), in time order. */
  answers: Array<{ memberId: string; answer: InvitationAnswer; at: Date }>;
  agendaAt: Date;
  cases: PlannedCase[];
  /** GPs the agenda prefers as presenters: those who said they would come. */
  presentingGpIds: string[];
  attendance: Array<{ memberId: string; status: AttendanceStatus }>;
  recordedAt: Date;
  minutesAt: Date;
  actionItems: PlannedActionItem[];
  closedAt: Date;
}

export interface CoordinationMonthParams {
  seed: string;
  /** The month's `now`: the plan is the calendar month before it. */
  now: Date;
  zone: string;
  /** The RCP's organiser (the structure's coordinator). */
  coordinatorId: string;
  clinical: readonly DemoClinician[];
}

export interface CoordinationMonthPlan {
  month: string;
  meetings: PlannedMeeting[];
}

const GP = 'general_practitioner';
/** Who a GP's synthesis on a patient at home invites besides physicians, in this order of preference. */
const HOME_CARE = ['nurse', 'physiotherapist', 'advanced_practice_nurse'];

export function planCoordinationMonth(params: CoordinationMonthParams): CoordinationMonthPlan {
  const month = demoMonth(params.now, params.zone);
  const calendar = new MeetingCalendar(month, params.zone);
  const draw = new DemoDraw(params.seed);
  const clinical = [...params.clinical].sort((a, b) => a.memberId.localeCompare(b.memberId)).slice(0, 20);
  const gps = clinical.filter((m) => m.profession === GP);
  const meetings: PlannedMeeting[] = [];

  // The monthly RCP: the first Tuesday, or the next working day when it is a public holiday.
  for (let n = 0; n < RCPS_PER_MONTH; n++) {
    const day = calendar.firstWorkingOnOrAfter(calendar.nthWeekday(2, 1 + n));
    if (!day) continue;
    const startsAt = calendar.at(day, DEMO_RCP_SERIES.localStartTime);
    const endsAt = new Date(startsAt.getTime() + DEMO_RCP_SERIES.durationMinutes * 60_000);
    const scheduledAt = calendar.workingBefore(startsAt, RCP_SCHEDULED_DAYS_BEFORE, draw.int(9 * 60, 17 * 60));
    const invitees = clinical.map((m) => m.memberId);
    const answers: PlannedMeeting['answers'] = [];
    const attendance: PlannedMeeting['attendance'] = [{ memberId: params.coordinatorId, status: 'present' }];
    for (const memberId of invitees) {
      const answer = weighted(draw, ANSWER_SHARES);
      const answeredAt = calendar.between(scheduledAt, startsAt, draw.int(0, 1_000_000));
      if (answer) answers.push({ memberId, answer, at: answeredAt });
      const present = draw.chance(PRESENT_GIVEN_ANSWER.find(([a]) => a === answer)?.[1] ?? 0);
      attendance.push({ memberId, status: present ? 'present' : answer ? 'excused' : 'absent' });
    }
    const caseCount = DEMO_RCP_SERIES.durationMinutes / MINUTES_PER_CASE;
    const wordings = draw.shuffle(RCP_CASES).slice(0, caseCount);
    const itemCount = draw.int(RCP_ACTION_ITEMS[0], RCP_ACTION_ITEMS[1]);
    meetings.push({
      kind: DEMO_RCP_SERIES.kind,
      title: DEMO_RCP_SERIES.title,
      organizerId: params.coordinatorId,
      inviteeIds: invitees,
      scheduledAt,
      startsAt,
      endsAt,
      answers: answers.sort((a, b) => a.at.getTime() - b.at.getTime()),
      agendaAt: calendar.workingBefore(startsAt, AGENDA_DAYS_BEFORE, draw.int(17 * 60, 18 * 60)),
      cases: wordings.map(({ theme, reason, decision }) => ({ theme, reason, decision })),
      presentingGpIds: gps
        .filter((gp) => answers.some((a) => a.memberId === gp.memberId && a.answer === 'yes'))
        .map((gp) => gp.memberId),
      attendance,
      recordedAt: new Date(endsAt.getTime() + draw.int(0, 10) * 60_000),
      minutesAt: new Date(endsAt.getTime() + draw.int(15, 30) * 60_000),
      actionItems: wordings.slice(0, itemCount).map((w, caseIndex) => ({ caseIndex, ...w.action })),
      closedAt: calendar.nextWorkingDayAt(endsAt, draw.int(9 * 60, 12 * 60)),
    });
  }

  // The synthesis: a GP's, on the third week's Thursday, scripted with its nurses and physiotherapist held elsewhere.
  const homeCare = HOME_CARE.flatMap((p) => clinical.filter((m) => m.profession === p).slice(0, 1));
  for (let n = 0; n < SYNTHESES_PER_MONTH && gps.length >= 2; n++) {
    const day = calendar.firstWorkingOnOrAfter(calendar.nthWeekday(DEMO_SYNTHESIS.weekday, 3 + n));
    if (!day) continue;
    const [organizer, colleague] = draw.shuffle(gps);
    const startsAt = calendar.at(day, DEMO_SYNTHESIS.localStartTime);
    const endsAt = new Date(startsAt.getTime() + DEMO_SYNTHESIS.durationMinutes * 60_000);
    const scheduledAt = calendar.workingBefore(startsAt, SYNTHESIS_SCHEDULED_DAYS_BEFORE, draw.int(13 * 60, 14 * 60));
    const answered = (memberId: string, answer: InvitationAnswer) => ({
      memberId,
      answer,
      at: calendar.between(scheduledAt, startsAt, draw.int(0, 1_000_000)),
    });
    meetings.push({
      kind: DEMO_SYNTHESIS.kind,
      title: DEMO_SYNTHESIS.title,
      organizerId: organizer.memberId,
      inviteeIds: [colleague, ...homeCare].map((m) => m.memberId),
      scheduledAt,
      startsAt,
      endsAt,
      answers: [answered(colleague.memberId, 'yes'), ...homeCare.map((m) => answered(m.memberId, 'maybe'))].sort(
        (a, b) => a.at.getTime() - b.at.getTime(),
      ),
      agendaAt: calendar.workingBefore(startsAt, 2, draw.int(17 * 60, 18 * 60)),
      cases: [SYNTHESIS_CASE],
      presentingGpIds: [organizer.memberId],
      attendance: [
        { memberId: organizer.memberId, status: 'present' },
        { memberId: colleague.memberId, status: 'present' },
        ...homeCare.map((m) => ({ memberId: m.memberId, status: 'excused' as const })),
      ],
      recordedAt: new Date(endsAt.getTime() + draw.int(0, 10) * 60_000),
      minutesAt: new Date(endsAt.getTime() + draw.int(15, 30) * 60_000),
      actionItems: [{ caseIndex: 0, ...SYNTHESIS_CASE.action }],
      closedAt: calendar.nextWorkingDayAt(endsAt, draw.int(9 * 60, 12 * 60)),
    });
  }
  return { month: month.month, meetings: meetings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()) };
}

function weighted<T>(draw: DemoDraw, shares: ReadonlyArray<readonly [T, number]>): T {
  let pick = draw.int(0, 999_999) / 1_000_000;
  for (const [value, share] of shares) {
    if (pick < share) return value;
    pick -= share;
  }
  return shares[shares.length - 1][0];
}

// ── Calendar ────────────────────────────────────────────────────────────────────────────────────────────────────

const WORK_OPEN = 8 * 60 + 30;
const WORK_CLOSE = 18 * 60 + 30;

/**
 * Working days of the demo month and of the month before (a meeting is often scheduled weeks ahead), public holidays
 * apart, with instants built from local wall times in the structure's zone.
 */
export class MeetingCalendar {
  private readonly working: string[];
  private readonly inMonth: string[];

  constructor(
    month: DemoMonth,
    private readonly zone: string,
  ) {
    const first = DateTime.fromISO(`${month.month}-01`, { zone }).plus({ hours: 12 });
    const before = demoMonth(first.toJSDate(), zone);
    this.inMonth = month.workingDays.map((d) => d.date);
    this.working = [...before.workingDays.map((d) => d.date), ...this.inMonth];
  }

  /** The `n`th (1-based) ISO `weekday` of the month, as a date. */
  nthWeekday(weekday: number, n: number): string {
    let day = DateTime.fromISO(`${this.inMonth[0].slice(0, 7)}-01`, { zone: this.zone });
    while (day.weekday !== weekday) day = day.plus({ days: 1 });
    return day.plus({ weeks: n - 1 }).toISODate() as string;
  }

  firstWorkingOnOrAfter(date: string): string | null {
    return this.inMonth.find((d) => d >= date) ?? null;
  }

  at(date: string, time: string | number): Date {
    const minute = typeof time === 'number' ? time : Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    return DateTime.fromISO(date, { zone: this.zone }).startOf('day').plus({ minutes: minute }).toJSDate();
  }

  /** The last working day at least `days` calendar days before `instant`, at `minute` local time. */
  workingBefore(instant: Date, days: number, minute: number): Date {
    const target = DateTime.fromJSDate(instant, { zone: this.zone }).minus({ days }).toISODate() as string;
    const date = [...this.working].reverse().find((d) => d <= target) ?? this.working[0];
    return this.at(date, minute);
  }

  /** A working instant strictly between `from` and `to` (working days and hours), chosen by `pick`. */
  between(from: Date, to: Date, pick: number): Date {
    const slots: Array<[string, number, number]> = [];
    for (const date of this.working) {
      const open = this.at(date, WORK_OPEN).getTime();
      const close = this.at(date, WORK_CLOSE).getTime();
      const start = Math.max(open, from.getTime() + 60_000);
      const end = Math.min(close, to.getTime() - 60 * 60_000);
      if (start < end) slots.push([date, start, end]);
    }
    if (!slots.length) return new Date(from.getTime() + 60_000);
    const [, start, end] = slots[pick % slots.length];
    const minutesIn = Math.floor((end - start) / 60_000);
    return new Date(start + (Math.floor(pick / slots.length) % (minutesIn + 1)) * 60_000);
  }

  /** The next working day of the month after `instant`, at `minute`; the same day's evening past the month. */
  nextWorkingDayAt(instant: Date, minute: number): Date {
    const date = DateTime.fromJSDate(instant, { zone: this.zone }).toISODate() as string;
    const next = this.inMonth.find((d) => d > date);
    return next ? this.at(next, minute) : new Date(instant.getTime() + 60 * 60_000);
  }
}
