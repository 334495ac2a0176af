import { Get, Param } from '@nestjs/common';
import { InternalApiController } from '@msp/messaging';
import { PhoneMotifQuery } from '../../application/motifs/phone-motif.query';

/** Which motif the virtual secretary books on the phone by default (404 when the structure has none it may book). */
@InternalApiController('agenda', { callers: ['call-routing'] })
export class MotifsInternalController {
  constructor(private readonly phoneMotif: PhoneMotifQuery) {}

  @Get('structures/:structureId/phone-motif')
  async phoneMotifOf(@Param('structureId') structureId: string) {
    const motif = await this.phoneMotif.of(structureId);
    return { id: motif.id, label: motif.label, durationMinutes: motif.durationMinutes };
  }
}
