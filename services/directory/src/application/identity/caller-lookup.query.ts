import { Injectable } from '@nestjs/common';
import { tryE164 } from '../../domain/phone-number';
import { PatientRepository } from '../ports/patient.repository';
import { SiteRepository } from '../ports/site.repository';

export type CallerIdentification =
  | {
      kind: 'patient';
      patientId: string;
      medecinTraitantId: string | null;
      passThrough: boolean;
      prefersHuman: boolean;
    }
  | { kind: 'professional'; structureId: string }
  | { kind: 'unknown' };

/**
 * Who is calling a site's line (CAL-1): a known patient of the site's structure, a professional colleague, or unknown.
 * Answers ids and call-handling flags only: the virtual secretary never needs a name.
 */
@Injectable()
export class CallerLookupQuery {
  constructor(
    private readonly sites: SiteRepository,
    private readonly patients: PatientRepository,
  ) {}

  /** Undefined when the site is unknown. */
  async identify(rawPhone: string, siteId: string): Promise<CallerIdentification | undefined> {
    const site = await this.sites.findById(siteId);
    if (!site) return undefined;
    const phone = tryE164(rawPhone);
    if (!phone) return { kind: 'unknown' };
    const patients = await this.patients.withPhone(site.structureId, phone);
    // One number shared by a family is common: identify the patient only when the number names exactly one.
    if (patients.length === 1) {
      const [p] = patients;
      return {
        kind: 'patient',
        patientId: p.id,
        medecinTraitantId: p.medecinTraitantId,
        passThrough: p.passThrough,
        prefersHuman: p.prefersHuman,
      };
    }
    if (patients.length > 1) return { kind: 'unknown' };
    // A call from another practice's line on the platform is a colleague calling.
    const colleagueSite = await this.sites.findByPhoneLine(phone);
    if (colleagueSite) return { kind: 'professional', structureId: colleagueSite.structureId };
    return { kind: 'unknown' };
  }
}
