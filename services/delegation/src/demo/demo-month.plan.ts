import { DemoDraw, type DemoMonth } from '@msp/service-kit';
import { DateTime } from 'luxon';

/**
 * The demo month of delegation, as a pure plan: which tasks the physicians and secretaries of one structure hand over
 * to its medical assistant and secretaries on each working day of the month, and when each is started, submitted,
 * validated or completed. The player then runs it through the application handlers, each step at its instant.
 *
 * Every figure that shapes the month is an input below, with where it comes from. None is tuned to reach the seeds'
 * "4 to 6 hours a week": the time freed is what these inputs and the catalogue's standard minutes give.
 */

/** The delegated work the seeds list, each as a task type the demo protocols cover. */
export type DemoTaskKind =
  'prescription_renewal' | 'insurance_files' | 'exam_follow_up' | 'patient_records' | 'billing';

export interface DemoWording {
  title: string;
  description: string;
  /** What the delegate writes on submitting or completing: read against the protocol's keywords. */
  report: string;
}

export interface DemoKindInputs {
  kind: DemoTaskKind;
  /** The medical assistant, for the physicians she works for; or the secretaries' pool, for every GP. */
  delegate: 'assistant' | 'secretary';
  /** How many per GP per working day: a Poisson mean, or exactly that many (`daily`: one batch a day). */
  perGpPerDay: number;
  draw: 'poisson' | 'daily';
  /** Where `perGpPerDay` comes from. */
  basis: string;
  /** Local times between which the request arrives. */
  arrives: readonly [string, string];
  /** Working minutes from the request to the delegate taking it up (uniform). */
  startWithin: readonly [number, number];
  /** Minutes the delegate spends on it before submitting or completing (uniform). */
  work: readonly [number, number];
  /** Tasks of this kind that end on a value out of range, flagged by the delegate: escalated to the physician. */
  abnormalShare: number;
  /** High priority share (a prescription running out today). */
  highPriorityShare: number;
  wordings: readonly DemoWording[];
}

/** Calls a GP receives a day, measured (seed 003: a 2010 thesis in Midi-Pyrénées, 15.5 calls a day). */
export const CALLS_PER_GP_PER_DAY = 15.5;
/**
 * Seed 003: a third of the calls are about the agenda, another third advice and results, "the rest" prescriptions and
 * administrative documents — shared with calls from correspondents, advertising and personal matters. Assumption: a
 * quarter of all calls are requests for a prescription or a document.
 */
export const PRESCRIPTION_AND_DOCUMENT_SHARE = 0.25;
/** Assumption: two requests in three are renewals of a stable chronic treatment, one in three a form or a file. */
export const RENEWAL_SHARE = 2 / 3;

const requestsPerDay = CALLS_PER_GP_PER_DAY * PRESCRIPTION_AND_DOCUMENT_SHARE;

/** The practice's working hours and the physicians' validation rounds (lunch break, end of consultations). */
export const WORKING_HOURS = ['08:30', '18:30'] as const;
export const VALIDATION_ROUNDS: ReadonlyArray<readonly [string, string]> = [
  ['12:30', '13:15'],
  ['18:00', '18:30'],
];

export const DEMO_MONTH_KINDS: readonly DemoKindInputs[] = [
  {
    kind: 'prescription_renewal',
    delegate: 'assistant',
    perGpPerDay: requestsPerDay * RENEWAL_SHARE,
    draw: 'poisson',
    basis: `seed 003: ${CALLS_PER_GP_PER_DAY} calls a day × ${PRESCRIPTION_AND_DOCUMENT_SHARE} prescriptions and documents (assumption within "the rest") × 2/3 renewals (assumption)`,
    arrives: ['08:30', '18:00'],
    // The protocol's deadline is 24 hours: the assistant takes renewals up within half a day.
    startWithin: [15, 240],
    work: [5, 15],
    abnormalShare: 0,
    highPriorityShare: 0.2,
    wordings: [
      {
        title: 'Préparer le renouvellement du traitement antihypertenseur',
        description:
          'Demande du patient au secrétariat. Dernière consultation il y a quatre mois ; vérifier la kaliémie.',
        report: 'Kaliémie de moins de six mois, tension relevée 134/82. Ordonnance préparée à l’identique, à signer.',
      },
      {
        title: 'Préparer le renouvellement du traitement du diabète de type 2',
        description: 'Ordonnance échue en fin de semaine. Vérifier la dernière HbA1c avant de préparer l’ordonnance.',
        report: 'HbA1c à 6,9 % il y a trois mois. Ordonnance préparée à l’identique, à signer.',
      },
      {
        title: 'Préparer le renouvellement de la lévothyroxine',
        description: 'Traitement stable depuis deux ans ; vérifier la date de la dernière TSH.',
        report: 'TSH dans les normes il y a cinq mois. Ordonnance préparée à l’identique, à signer.',
      },
      {
        title: 'Préparer le renouvellement de la statine',
        description: 'Demande laissée au standard. Vérifier le dernier bilan lipidique.',
        report: 'Bilan lipidique de moins d’un an. Ordonnance préparée à l’identique, à signer.',
      },
      {
        title: 'Préparer le renouvellement de la contraception orale',
        description: 'Vérifier la date du dernier frottis et la dernière tension relevée.',
        report: 'Tension 118/72, frottis à jour. Ordonnance préparée à l’identique, à signer.',
      },
    ],
  },
  {
    kind: 'insurance_files',
    delegate: 'assistant',
    perGpPerDay: requestsPerDay * (1 - RENEWAL_SHARE),
    draw: 'poisson',
    basis: `seed 003: ${CALLS_PER_GP_PER_DAY} calls a day × ${PRESCRIPTION_AND_DOCUMENT_SHARE} prescriptions and documents (assumption) × 1/3 forms and files (assumption)`,
    arrives: ['08:30', '18:00'],
    // Files are due within days, not hours: taken up within two working days.
    startWithin: [60, 1_200],
    work: [15, 40],
    abnormalShare: 0,
    highPriorityShare: 0,
    wordings: [
      {
        title: 'Préparer le renouvellement du protocole de soins ALD',
        description:
          'Le protocole de soins arrive à échéance le mois prochain : pré-remplir le formulaire depuis le dossier.',
        report: 'Formulaire pré-rempli, pièces jointes. À relire et signer par le médecin.',
      },
      {
        title: 'Compléter la partie administrative du dossier MDPH',
        description: 'Dossier déposé par la famille ; rassembler les comptes rendus utiles.',
        report: 'Partie administrative complétée, comptes rendus joints. Certificat médical à rédiger par le médecin.',
      },
      {
        title: 'Questionnaire de l’assurance emprunteur : rassembler les pièces',
        description: 'Demande du patient ; le questionnaire est à transmettre sous pli confidentiel.',
        report: 'Pièces rassemblées, questionnaire prêt pour la signature du médecin.',
      },
      {
        title: 'Demande d’entente préalable pour des séances de kinésithérapie',
        description: 'Préparer le formulaire à partir de la prescription du mois.',
        report: 'Formulaire préparé, à signer ; envoi à la caisse après signature.',
      },
      {
        title: 'Dossier APA : préparer les pièces pour le département',
        description: 'Demande de la fille du patient ; le volet médical reste au médecin.',
        report: 'Volet administratif complété, volet médical préparé pour le médecin.',
      },
    ],
  },
  {
    kind: 'exam_follow_up',
    delegate: 'assistant',
    perGpPerDay: 1,
    draw: 'poisson',
    basis:
      'assumption: about one prescribed exam a day per GP whose result or letter has not come back and must be chased (seed 002 lists these relances; it gives no count)',
    arrives: ['08:30', '12:00'],
    startWithin: [30, 480],
    work: [5, 20],
    // Assumption: one chased result in ten is out of range; the protocol sends it back to the physician.
    abnormalShare: 0.1,
    highPriorityShare: 0,
    wordings: [
      {
        title: 'Relancer le laboratoire : bilan lipidique attendu depuis huit jours',
        description: 'Aucun résultat reçu sur le serveur du laboratoire.',
        report: 'Résultat reçu après relance, intégré au dossier et au DMP.',
      },
      {
        title: 'Récupérer le compte rendu d’échographie abdominale',
        description: 'Examen réalisé la semaine dernière ; compte rendu non reçu.',
        report: 'Compte rendu reçu du cabinet de radiologie, rattaché à la consultation d’origine.',
      },
      {
        title: 'Avis cardiologique : courrier de réponse non reçu',
        description: 'Appeler le secrétariat du cardiologue ; demander l’envoi par messagerie sécurisée.',
        report: 'Courrier reçu par messagerie sécurisée et classé.',
      },
      {
        title: 'Relancer le résultat de l’HbA1c prescrite le mois dernier',
        description: 'Prise de sang faite d’après le patient ; rien sur le serveur du laboratoire.',
        report: 'Résultat récupéré auprès du laboratoire et intégré au dossier.',
      },
      {
        title: 'Mammographie de dépistage : compte rendu attendu',
        description: 'Examen fait il y a trois semaines ; relancer le centre d’imagerie.',
        report: 'Compte rendu reçu et classé, double lecture faite.',
      },
    ],
  },
  {
    kind: 'patient_records',
    delegate: 'secretary',
    perGpPerDay: 1,
    draw: 'daily',
    basis:
      'assumption: one batch a day per GP — the results and letters received for that GP (seed 002 lists numérisation, classement, DMP; it gives no count)',
    arrives: ['08:30', '10:30'],
    startWithin: [15, 240],
    work: [10, 30],
    abnormalShare: 0,
    highPriorityShare: 0,
    wordings: [
      {
        title: 'Classer les résultats et courriers reçus ce matin',
        description: 'Résultats du laboratoire et courriers de spécialistes reçus par messagerie sécurisée.',
        report: 'Documents rattachés aux dossiers et au DMP.',
      },
      {
        title: 'Numériser et classer les courriers papier du jour',
        description: 'Courriers reçus à l’accueil : les rattacher au dossier et au DMP.',
        report: 'Courriers numérisés, classés et versés au DMP.',
      },
    ],
  },
  {
    kind: 'billing',
    delegate: 'secretary',
    perGpPerDay: 0.4,
    draw: 'poisson',
    basis:
      'assumption: two rejected or unpaid tiers-payant files a week per GP (seeds 002 and 004 list this follow-up; they give no count)',
    arrives: ['09:00', '17:30'],
    // Nothing urgent: taken up within three working days.
    startWithin: [60, 1_800],
    work: [10, 25],
    abnormalShare: 0,
    highPriorityShare: 0,
    wordings: [
      {
        title: 'Rejet de tiers payant : droits AMO à mettre à jour',
        description: 'Rejet de la caisse sur une feuille de soins électronique.',
        report: 'Droits vérifiés et mis à jour, feuille de soins renvoyée.',
      },
      {
        title: 'Part complémentaire impayée depuis trente jours',
        description: 'Relancer l’organisme complémentaire avec les pièces justificatives.',
        report: 'Organisme relancé, pièces justificatives transmises.',
      },
      {
        title: 'Feuille de soins rejetée : carte Vitale non mise à jour',
        description: 'Contacter le patient pour la mise à jour et renvoyer la feuille de soins.',
        report: 'Patient contacté, feuille de soins renvoyée.',
      },
    ],
  },
];

// ── The plan ────────────────────────────────────────────────────────────────────────────────────────────────────

export interface DemoStaffMember {
  memberId: string;
  siteIds: readonly string[];
}

export interface DemoStaff {
  /** The structure's GPs (the physicians tasks are done for). */
  gps: readonly DemoStaffMember[];
  /** Its medical assistant and the physicians she works for (her referent and backup), if it has one. */
  assistant: (DemoStaffMember & { worksFor: readonly string[] }) | null;
  secretaries: readonly DemoStaffMember[];
}

export type DemoStepMove = 'start' | 'submit' | 'complete' | 'validate' | 'resolve';

/** One move on one task at one instant; `validate` and `resolve` are the validator's (read from the task then). */
export interface DemoStep {
  at: Date;
  task: number;
  move: DemoStepMove;
  /** Who makes it; null: whoever the task then names (its validator, or whom it was escalated to). */
  actorId: string | null;
  report?: string;
  flags?: string[];
}

export interface DemoPlannedTask {
  index: number;
  kind: DemoTaskKind;
  createdAt: Date;
  createdBy: string;
  physicianId: string;
  siteId: string | null;
  assigneeId: string | null;
  poolRole: 'secretary' | null;
  title: string;
  description: string;
  priority: 'normal' | 'high';
  abnormal: boolean;
}

export interface DelegationMonthPlan {
  month: string;
  tasks: DemoPlannedTask[];
  /** Every step of every task after its creation, in time order; steps that would fall after the month are left out. */
  steps: DemoStep[];
}

export interface DelegationMonthParams {
  /** `structureId + purpose`: the same structure plays the same month. */
  seed: string;
  month: DemoMonth;
  zone: string;
  staff: DemoStaff;
  kinds?: readonly DemoKindInputs[];
  /** Which validation circuit each kind's protocol has (`referent_review` tasks are submitted, the others completed). */
  circuits: Readonly<Partial<Record<DemoTaskKind, string>>>;
}

/** The month's tasks and their moves: same inputs, same plan. */
export function planDelegationMonth(params: DelegationMonthParams): DelegationMonthPlan {
  const { month, zone, staff } = params;
  const kinds = params.kinds ?? DEMO_MONTH_KINDS;
  const draw = new DemoDraw(params.seed);
  const calendar = new WorkingCalendar(month, zone);
  const tasks: DemoPlannedTask[] = [];
  const steps: DemoStep[] = [];
  const gps = [...staff.gps].sort((a, b) => a.memberId.localeCompare(b.memberId));
  const secretaries = [...staff.secretaries].sort((a, b) => a.memberId.localeCompare(b.memberId));

  for (const day of month.workingDays)
    for (const gp of gps)
      for (const inputs of kinds) {
        const assistant = inputs.delegate === 'assistant' ? staff.assistant : null;
        if (inputs.delegate === 'assistant' && !assistant?.worksFor.includes(gp.memberId)) continue;
        if (inputs.delegate === 'secretary' && !secretaries.length) continue;
        const count = inputs.draw === 'daily' ? inputs.perGpPerDay : draw.count(inputs.perGpPerDay);
        for (let n = 0; n < count; n++) {
          const createdAt = calendar.at(day.date, draw.int(minutes(inputs.arrives[0]), minutes(inputs.arrives[1])));
          const wording = draw.pick(inputs.wordings);
          const abnormal = inputs.abnormalShare > 0 && draw.chance(inputs.abnormalShare);
          const priority = inputs.highPriorityShare > 0 && draw.chance(inputs.highPriorityShare) ? 'high' : 'normal';
          let siteId: string | null;
          let createdBy: string;
          let delegateId: string;
          if (assistant) {
            // The GP hands it to the assistant at a site they share, else at the assistant's first.
            siteId = gp.siteIds.find((s) => assistant.siteIds.includes(s)) ?? assistant.siteIds[0] ?? null;
            createdBy = gp.memberId;
            delegateId = assistant.memberId;
          } else {
            // A secretary of one of the GP's sites makes it for the site's pool; one of that site's takes it.
            const atGpSites = gp.siteIds.filter((s) => secretaries.some((m) => m.siteIds.includes(s)));
            siteId = atGpSites.length ? draw.pick(atGpSites) : null;
            const ofSite = siteId ? secretaries.filter((m) => m.siteIds.includes(siteId as string)) : secretaries;
            createdBy = draw.pick(ofSite).memberId;
            delegateId = draw.pick(ofSite).memberId;
          }
          const index = tasks.length;
          tasks.push({
            index,
            kind: inputs.kind,
            createdAt,
            createdBy,
            physicianId: gp.memberId,
            siteId,
            assigneeId: assistant ? assistant.memberId : null,
            poolRole: assistant ? null : 'secretary',
            title: wording.title,
            description: wording.description,
            priority,
            abnormal,
          });
          const startAt = calendar.addWorking(createdAt, draw.int(inputs.startWithin[0], inputs.startWithin[1]));
          const workMinutes = draw.int(inputs.work[0], inputs.work[1]);
          const roundMinute = draw.int(0, 10_000);
          if (!startAt) continue;
          steps.push({ at: startAt, task: index, move: 'start', actorId: delegateId });
          const doneAt = calendar.addWorking(startAt, workMinutes);
          if (!doneAt) continue;
          const submitted = abnormal || params.circuits[inputs.kind] === 'referent_review';
          steps.push({
            at: doneAt,
            task: index,
            move: submitted ? 'submit' : 'complete',
            actorId: delegateId,
            report: abnormal ? 'Valeur hors des normes du laboratoire : présenté au médecin.' : wording.report,
            ...(abnormal ? { flags: ['abnormal_result'] } : {}),
          });
          if (!submitted) continue;
          const validatedAt = calendar.nextRound(doneAt, roundMinute);
          if (validatedAt)
            steps.push({ at: validatedAt, task: index, move: abnormal ? 'resolve' : 'validate', actorId: null });
        }
      }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.task - b.task);
  return { month: month.month, tasks: tasks.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()), steps };
}

/** Where a plan leaves each task at the end of the month, and what its completed tasks stand for. */
export interface DelegationMonthSummary {
  created: number;
  completedDelegated: number;
  resolvedByPhysician: number;
  /** Tasks still on the board when the month ends, by the status they are in. */
  open: Record<'todo' | 'in_progress' | 'awaiting_validation' | 'escalated', number>;
  delegatedMinutes: number;
  byKind: Record<string, { created: number; completed: number; minutes: number }>;
}

/** The plan's outcome, given each kind's standard minutes: what the month's events will add up to. */
export function summarisePlan(
  plan: DelegationMonthPlan,
  minutesOf: (kind: DemoTaskKind) => number,
): DelegationMonthSummary {
  const last = new Map<number, DemoStepMove>();
  for (const step of plan.steps) last.set(step.task, step.move);
  const summary: DelegationMonthSummary = {
    created: plan.tasks.length,
    completedDelegated: 0,
    resolvedByPhysician: 0,
    open: { todo: 0, in_progress: 0, awaiting_validation: 0, escalated: 0 },
    delegatedMinutes: 0,
    byKind: {},
  };
  for (const task of plan.tasks) {
    const kind = (summary.byKind[task.kind] ??= { created: 0, completed: 0, minutes: 0 });
    kind.created++;
    const move = last.get(task.index);
    if (move === 'validate' || move === 'complete') {
      summary.completedDelegated++;
      summary.delegatedMinutes += minutesOf(task.kind);
      kind.completed++;
      kind.minutes += minutesOf(task.kind);
    } else if (move === 'resolve') summary.resolvedByPhysician++;
    else if (move === 'submit') summary.open[task.abnormal ? 'escalated' : 'awaiting_validation']++;
    else if (move === 'start') summary.open.in_progress++;
    else summary.open.todo++;
  }
  return summary;
}

// ── Working time ────────────────────────────────────────────────────────────────────────────────────────────────

const minutes = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
};

/**
 * The month's working days and hours in the structure's zone: instants are built from local wall times (luxon), so a
 * change of daylight saving time inside the month keeps 08:30 at 08:30.
 */
export class WorkingCalendar {
  private readonly days: string[];
  private readonly open = minutes(WORKING_HOURS[0]);
  private readonly close = minutes(WORKING_HOURS[1]);

  constructor(
    month: DemoMonth,
    private readonly zone: string,
  ) {
    this.days = month.workingDays.map((d) => d.date);
  }

  /** `date` at `minuteOfDay` local time. */
  at(date: string, minuteOfDay: number): Date {
    return DateTime.fromISO(date, { zone: this.zone }).startOf('day').plus({ minutes: minuteOfDay }).toJSDate();
  }

  /** `from` plus `amount` minutes of working time; null past the month's last working hour. */
  addWorking(from: Date, amount: number): Date | null {
    let { day, minute } = this.position(from);
    let left = amount;
    while (day < this.days.length) {
      const start = Math.max(minute, this.open);
      if (start + left <= this.close) return this.at(this.days[day], start + left);
      left -= Math.max(0, this.close - start);
      day++;
      minute = this.open;
    }
    return null;
  }

  /**
   * The first validation round after `from` (the same day's, else the next working day's), at a minute within it
   * chosen by `pick` (any whole number); null past the month.
   */
  nextRound(from: Date, pick: number): Date | null {
    let { day, minute } = this.position(from);
    for (; day < this.days.length; day++, minute = 0)
      for (const [start, end] of VALIDATION_ROUNDS) {
        const first = Math.max(minutes(start), minute + 1);
        const last = minutes(end);
        if (first <= last) return this.at(this.days[day], first + (pick % (last - first + 1)));
      }
    return null;
  }

  /** The working day `instant` falls on (or the next one) and its local minute (0 when moved to a later day). */
  private position(instant: Date): { day: number; minute: number } {
    const local = DateTime.fromJSDate(instant, { zone: this.zone });
    const date = local.toISODate() as string;
    const index = this.days.findIndex((d) => d >= date);
    if (index < 0) return { day: this.days.length, minute: 0 };
    return { day: index, minute: this.days[index] === date ? local.hour * 60 + local.minute : 0 };
  }
}
