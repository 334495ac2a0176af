import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertStructureAccess, hasRoleIn, worksAtSite, type UserContext } from '@msp/auth';
import { SchedulingError } from '../../domain/scheduling-error';
import { AppointmentEntity } from '../../infrastructure/entities/appointment.entity';
import { MotifEntity } from '../../infrastructure/entities/motif.entity';
import { OpeningRangeEntity } from '../../infrastructure/entities/opening-range.entity';
import { assertUuid, assertUuids, parseInstant } from '../input-checks';
import { PERMISSIONS } from '../permissions';

export interface AppointmentFilter {
  structureId: string;
  from: string;
  to: string;
  practitionerIds?: string[] | null;
  siteIds?: string[] | null;
}

const MAX_SPAN_MS = 62 * 86_400_000;

/** Motifs, ranges and appointments, as far as the caller's memberships reach. */
@Injectable()
export class AgendaReader {
  constructor(private readonly db: DataSource) {}

  motifs(user: UserContext, structureId: string): Promise<MotifEntity[]> {
    assertStructureAccess(user, assertUuid(structureId, 'structureId'), PERMISSIONS.readAgenda);
    return this.db.getRepository(MotifEntity).find({ where: { structureId }, order: { label: 'ASC' } });
  }

  openingRanges(user: UserContext, structureId: string, practitionerId?: string | null): Promise<OpeningRangeEntity[]> {
    assertStructureAccess(user, assertUuid(structureId, 'structureId'), PERMISSIONS.readAgenda);
    const where = practitionerId
      ? { structureId, practitionerId: assertUuid(practitionerId, 'practitionerId') }
      : { structureId };
    return this.db.getRepository(OpeningRangeEntity).find({ where, order: { createdAt: 'ASC' } });
  }

  /** Live appointments and holds overlapping [from, to). */
  appointments(user: UserContext, filter: AppointmentFilter): Promise<AppointmentEntity[]> {
    const structureId = assertUuid(filter.structureId, 'filter.structureId');
    assertStructureAccess(user, structureId, PERMISSIONS.readAgenda);
    const from = parseInstant(filter.from, 'filter.from');
    const to = parseInstant(filter.to, 'filter.to');
    if (to <= from) throw SchedulingError.invalid('filter.to', 'must be after from');
    if (to.getTime() - from.getTime() > MAX_SPAN_MS)
      throw SchedulingError.invalid('filter.to', 'a view spans at most 62 days');
    const query = this.db
      .getRepository(AppointmentEntity)
      .createQueryBuilder('a')
      .where('a.structure_id = :structureId', { structureId })
      .andWhere(`tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(:from, :to, '[)')`, { from, to })
      .andWhere(`a.status <> 'cancelled' and not (a.status = 'held' and a.hold_expires_at <= now())`);
    const practitionerIds = assertUuids(filter.practitionerIds ?? [], 'filter.practitionerIds');
    const siteIds = assertUuids(filter.siteIds ?? [], 'filter.siteIds');
    if (practitionerIds.length) query.andWhere('a.practitioner_id = any(:practitionerIds)', { practitionerIds });
    if (siteIds.length) query.andWhere('a.site_id = any(:siteIds)', { siteIds });
    return query.orderBy('a.starts_at').getMany();
  }

  /** One appointment; one of another structure is "not found", never "forbidden". */
  async appointment(user: UserContext, id: string): Promise<AppointmentEntity> {
    const appointment = await this.db.getRepository(AppointmentEntity).findOneBy({ id: assertUuid(id, 'id') });
    if (!appointment || !hasRoleIn(user, appointment.structureId, PERMISSIONS.readAgenda))
      throw SchedulingError.notFound('Appointment', 'id');
    return appointment;
  }
}

/**
 * Colleagues (fellow practitioners included) see busy time and motif; the patient only the practitioner of the
 * appointment and the desk staff (secretaries, medical assistants) of its site (SCH-7).
 */
export function maySeePatient(
  user: UserContext,
  appointment: Pick<AppointmentEntity, 'structureId' | 'siteId' | 'practitionerId'>,
): boolean {
  if (user.memberId === appointment.practitionerId) return true;
  return (
    hasRoleIn(user, appointment.structureId, PERMISSIONS.seePatientsAtSite) &&
    worksAtSite(user, appointment.structureId, appointment.siteId)
  );
}
