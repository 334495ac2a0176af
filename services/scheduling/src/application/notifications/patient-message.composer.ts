import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_TEMPLATES, renderPatientMessage, type PatientMessageTemplate } from '../../domain/patient-message';
import { PATIENT_SERVICES_SETTINGS, type PatientServicesSettings } from '../patient-services-settings';
import { AgendaRepository } from '../ports/agenda.repository';
import type { ReminderMessage } from '../ports/notification-provider';
import { PatientDirectory } from '../ports/patient-directory.port';
import { PatientMessageTemplateRepository } from '../ports/patient-message-template.repository';

/** Where a waitlist offer's answer links point: the public listener's page for the token (see PublicWaitlistOfferController). */
export function offerAnswerUrl(publicBaseUrl: string, token: string, answer?: 'accepter' | 'refuser'): string {
  const page = `${publicBaseUrl.replace(/\/+$/, '')}/public/waitlist-offers/${token}`;
  return answer ? `${page}?reponse=${answer}` : page;
}

/**
 * The subject and texts (e-mail, SMS) of a message to a patient: the structure's own template (or the French default), filled with
 * the practice's name, the site's name, address and number as the directory has them at send time, and the time in
 * the site's zone. A directory that cannot answer throws: the outbox tries again later.
 */
@Injectable()
export class PatientMessageComposer {
  constructor(
    private readonly templates: PatientMessageTemplateRepository,
    private readonly agenda: AgendaRepository,
    private readonly directory: PatientDirectory,
    @Inject(PATIENT_SERVICES_SETTINGS) private readonly settings: PatientServicesSettings,
  ) {}

  async compose(message: ReminderMessage, practiceName: string): Promise<PatientMessageTemplate> {
    const [stored, site, summary] = await Promise.all([
      this.templates.find(message.structureId, message.kind),
      this.agenda.site(message.siteId),
      this.directory.site(message.siteId),
    ]);
    // Booked on it, so the copy knew it; absent only mid-rebuild of the copy: try again later rather than guess a zone.
    if (!site) throw new Error('the site is not in the copy of the directory yet');
    const token = message.answerToken;
    return renderPatientMessage(stored ?? DEFAULT_TEMPLATES[message.kind], {
      practiceName,
      siteName: summary?.name ?? '',
      siteAddress: summary?.address ?? '',
      sitePhone: summary?.phoneLines[0] ?? null,
      startsAt: message.startsAt,
      timeZone: site.timeZone,
      expiresAt: message.offerExpiresAt ?? undefined,
      answerUrl: token ? offerAnswerUrl(this.settings.publicBaseUrl, token) : undefined,
      acceptUrl: token ? offerAnswerUrl(this.settings.publicBaseUrl, token, 'accepter') : undefined,
      declineUrl: token ? offerAnswerUrl(this.settings.publicBaseUrl, token, 'refuser') : undefined,
    });
  }
}
