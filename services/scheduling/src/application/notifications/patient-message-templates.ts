import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import {
  DEFAULT_TEMPLATES,
  PATIENT_MESSAGE_KINDS,
  PLACEHOLDERS,
  templateProblem,
  type PatientMessageKind,
} from '../../domain/patient-message';
import { SchedulingError } from '../../domain/scheduling-error';
import { assertUuid } from '../input-checks';
import { PERMISSIONS } from '../permissions';
import { PatientMessageTemplateRepository } from '../ports/patient-message-template.repository';

/** A structure's text for one kind of message, its own or the default. */
export interface PatientMessageTemplateView {
  structureId: string;
  kind: PatientMessageKind;
  subject: string;
  body: string;
  sms: string;
  /** True while the structure uses the French default. */
  isDefault: boolean;
  /** What may be written between braces in this kind's subject and text. */
  placeholders: readonly string[];
  updatedBy: string | null;
  updatedAt: Date | null;
}

export interface SetPatientMessageTemplateInput {
  structureId: string;
  kind: PatientMessageKind;
  subject: string;
  body: string;
  sms: string;
}

const checkKind = (kind: string, field: string): PatientMessageKind => {
  if (!(PATIENT_MESSAGE_KINDS as readonly string[]).includes(kind))
    throw SchedulingError.invalid(field, `must be one of ${PATIENT_MESSAGE_KINDS.join(', ')}`);
  return kind as PatientMessageKind;
};

/**
 * The structure's administrators read and write the texts of its messages to patients (reminders, waitlist offers);
 * a kind they never wrote, or reset, uses the French default. A text naming an unknown placeholder, or missing one
 * the message cannot do without (the date and time; an offer's links), is refused with its field.
 */
@Injectable()
export class PatientMessageTemplates {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly templates: PatientMessageTemplateRepository,
    private readonly clock: Clock,
  ) {}

  async ofStructure(user: UserContext, input: { structureId: string }): Promise<PatientMessageTemplateView[]> {
    const structureId = assertUuid(input.structureId, 'structureId');
    assertStructureAccess(user, structureId, PERMISSIONS.manageMessageTemplates);
    const stored = new Map((await this.templates.ofStructure(structureId)).map((t) => [t.kind, t]));
    return PATIENT_MESSAGE_KINDS.map((kind) => {
      const own = stored.get(kind);
      return {
        structureId,
        kind,
        subject: own?.subject ?? DEFAULT_TEMPLATES[kind].subject,
        body: own?.body ?? DEFAULT_TEMPLATES[kind].body,
        sms: own?.sms ?? DEFAULT_TEMPLATES[kind].sms,
        isDefault: !own,
        placeholders: PLACEHOLDERS[kind],
        updatedBy: own?.updatedBy ?? null,
        updatedAt: own?.updatedAt ?? null,
      };
    });
  }

  async set(user: UserContext, input: SetPatientMessageTemplateInput): Promise<PatientMessageTemplateView> {
    const structureId = assertUuid(input.structureId, 'input.structureId');
    const kind = checkKind(input.kind, 'input.kind');
    assertStructureAccess(user, structureId, PERMISSIONS.manageMessageTemplates);
    const template = { subject: input.subject.trim(), body: input.body.trim(), sms: input.sms.trim() };
    const problem = templateProblem(kind, template);
    if (problem) throw SchedulingError.invalid(`input.${problem.field}`, problem.reason);
    const now = this.clock.now();
    await this.transactions.run(() => this.templates.save(structureId, { kind, ...template }, user.memberId, now));
    return {
      structureId,
      kind,
      ...template,
      isDefault: false,
      placeholders: PLACEHOLDERS[kind],
      updatedBy: user.memberId,
      updatedAt: now,
    };
  }

  async reset(user: UserContext, input: { structureId: string; kind: string }): Promise<PatientMessageTemplateView> {
    const structureId = assertUuid(input.structureId, 'structureId');
    const kind = checkKind(input.kind, 'kind');
    assertStructureAccess(user, structureId, PERMISSIONS.manageMessageTemplates);
    await this.transactions.run(() => this.templates.remove(structureId, kind));
    return {
      structureId,
      kind,
      ...DEFAULT_TEMPLATES[kind],
      isDefault: true,
      placeholders: PLACEHOLDERS[kind],
      updatedBy: null,
      updatedAt: null,
    };
  }
}
