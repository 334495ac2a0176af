import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { tryE164 } from '../../domain/phone-number';
import { PatientEntity, SiteEntity } from '../../infrastructure/entities';

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
  constructor(private readonly db: DataSource) {}

  async identify(rawPhone: string, siteId: string): Promise<CallerIdentification | undefined> {
    const site = await this.db.getRepository(SiteEntity).findOneBy({ id: siteId });
    if (!site) return undefined;
    const phone = tryE164(rawPhone);
    if (!phone) return { kind: 'unknown' };
    const patients = await this.db
      .getRepository(PatientEntity)
      .find({ where: { structureId: site.structureId, phone }, order: { createdAt: 'ASC' } });
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
    const colleagueSite = await this.db
      .getRepository(SiteEntity)
      .createQueryBuilder('s')
      .where(':phone = any(s.phone_lines)', { phone })
      .getOne();
    // A call from another practice's line on the platform is a colleague calling.
    if (colleagueSite) return { kind: 'professional', structureId: colleagueSite.structureId };
    return { kind: 'unknown' };
  }
}
