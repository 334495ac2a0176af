import { Injectable } from '@nestjs/common';
import { localDateOf } from '../../domain/local-date';
import { assertOfferable } from '../../domain/motif';
import { occurrenceCovering } from '../../domain/range-occurrences';
import { SchedulingError } from '../../domain/scheduling-error';
import { AgendaRepository } from '../ports/agenda.repository';

/** A slot offered online names its site; a booking that does not is placed at the practitioner's site open at that time. */
@Injectable()
export class OnlineSiteResolver {
  constructor(private readonly agenda: AgendaRepository) {}

  async resolve(structureId: string, practitionerId: string, motifId: string, startsAt: Date): Promise<string> {
    const motif = await this.agenda.motif(motifId);
    if (!motif || motif.structureId !== structureId) throw SchedulingError.notFound('Motif', 'input.motifId');
    assertOfferable(motif, 'input.motifId');
    const member = await this.agenda.teamMember(practitionerId, structureId);
    if (!member) throw SchedulingError.notFound('Practitioner', 'input.practitionerId');
    const interval = { start: startsAt, end: new Date(startsAt.getTime() + motif.durationMinutes * 60_000) };
    for (const siteId of member.siteIds) {
      const site = await this.agenda.site(siteId);
      if (!site) continue;
      const date = localDateOf(startsAt, site.timeZone);
      const ranges = await this.agenda.ranges({
        structureId,
        practitionerIds: [practitionerId],
        siteIds: [siteId],
        from: date,
        to: date,
        motifId,
      });
      if (occurrenceCovering(ranges, site.timeZone, interval, motifId)) return siteId;
    }
    if (member.siteIds.length === 1) return member.siteIds[0];
    throw SchedulingError.invalid('input.startsAt', "is outside the practitioner's opening ranges for this motif");
  }
}
