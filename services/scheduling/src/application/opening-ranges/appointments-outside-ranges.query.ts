import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import {
  OpeningRangeChangesRepository,
  type AppointmentOutsideRanges,
} from '../ports/opening-range-changes.repository';
import { assertUuid } from '../input-checks';
import { PERMISSIONS } from '../permissions';

export interface AppointmentsOutsideRangesInput {
  structureId: string;
  practitionerId?: string | null;
  siteId?: string | null;
}

/**
 * The appointments changes of opening ranges left outside them and nobody decided about yet (neither kept, moved nor
 * cancelled, and not begun), soonest first. Any member of the structure may look: time and motif, never the patient
 * (the appointment itself answers that, to those who may see it).
 */
@Injectable()
export class AppointmentsOutsideRangesQuery {
  constructor(
    private readonly changes: OpeningRangeChangesRepository,
    private readonly clock: Clock,
  ) {}

  execute(user: UserContext, input: AppointmentsOutsideRangesInput): Promise<AppointmentOutsideRanges[]> {
    const structureId = assertUuid(input.structureId, 'structureId');
    assertStructureAccess(user, structureId, PERMISSIONS.readAgenda);
    const practitionerId = input.practitionerId ? assertUuid(input.practitionerId, 'practitionerId') : null;
    const siteId = input.siteId ? assertUuid(input.siteId, 'siteId') : null;
    return this.changes.outside({ structureId, practitionerId, siteId, now: this.clock.now() });
  }
}
