import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import { assertUuid } from '../input-checks';
import { PERMISSIONS } from '../permissions';
import { OnlineBookingRequestRepository, type PendingOnlineRequest } from '../ports/online-booking-request.repository';

/** New patients' online bookings still awaiting staff, with their held slots, for booking staff of the structure. */
@Injectable()
export class PendingOnlineRequestsQuery {
  constructor(
    private readonly requests: OnlineBookingRequestRepository,
    private readonly clock: Clock,
  ) {}

  execute(user: UserContext, input: { structureId: string }): Promise<PendingOnlineRequest[]> {
    const structureId = assertUuid(input.structureId, 'structureId');
    assertStructureAccess(user, structureId, PERMISSIONS.book);
    return this.requests.pending(structureId, this.clock.now());
  }
}
