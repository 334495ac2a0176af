import { Injectable } from '@nestjs/common';
import { Clock } from '@msp/service-kit';
import { defaultPhoneMotif, type Motif } from '../../domain/motif';
import { rangeAllowsMotif } from '../../domain/opening-range';
import { SchedulingError } from '../../domain/scheduling-error';
import { AgendaRepository } from '../ports/agenda.repository';
import { assertUuid } from '../input-checks';

/** How far ahead general practitioners' ranges are looked at for the motifs they offer. */
const HORIZON_DAYS = 90;

/** The motif the virtual secretary offers by default at a structure, for call routing's phone-booking settings. */
@Injectable()
export class PhoneMotifQuery {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly clock: Clock,
  ) {}

  async of(structureId: string): Promise<Motif> {
    const id = assertUuid(structureId, 'structureId');
    const now = this.clock.now();
    const ranges = await this.agenda.ranges({
      structureId: id,
      from: now.toISOString().slice(0, 10),
      to: new Date(now.getTime() + HORIZON_DAYS * 86_400_000).toISOString().slice(0, 10),
      profession: 'general_practitioner',
    });
    const offered = (motifId: string) => ranges.some((r) => rangeAllowsMotif(r, motifId));
    const motif = defaultPhoneMotif(await this.agenda.motifsOfStructure(id), offered);
    if (!motif) throw SchedulingError.notFound('Phone-booking motif', 'structureId');
    return motif;
  }
}
