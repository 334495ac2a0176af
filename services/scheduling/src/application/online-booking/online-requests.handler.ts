import { Injectable, Logger } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { HOLD_LAPSED } from '../../domain/appointment-status';
import { SchedulingError } from '../../domain/scheduling-error';
import type { AppointmentEntity } from '../../infrastructure/entities/appointment.entity';
import { AppointmentRepository } from '../../infrastructure/repositories/appointment.repository';
import {
  OnlineBookingRequestRepository,
  type OnlineBookingRequest,
  type PendingOnlineRequest,
} from '../../infrastructure/repositories/online-booking-request.repository';
import { memberActor } from '../actor';
import { CancelAppointmentHandler } from '../booking/cancel-appointment.handler';
import { ConfirmHoldHandler } from '../booking/confirm-hold.handler';
import { Clock } from '@msp/service-kit';
import { assertUuid } from '../input-checks';
import { assertMayBook, PERMISSIONS } from '../permissions';
import { DirectoryUnavailableError } from '../ports/directory-unavailable.error';
import { PatientDirectory } from '../ports/patient-directory.port';

/**
 * Staff decide on new patients' online bookings: confirming registers the patient in the directory (from the identity
 * it kept) and books the held slot for them; turning it down frees the slot and has the directory forget the identity.
 */
@Injectable()
export class OnlineRequestsHandler {
  private readonly logger = new Logger(OnlineRequestsHandler.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: OnlineBookingRequestRepository,
    private readonly appointments: AppointmentRepository,
    private readonly directory: PatientDirectory,
    private readonly confirmer: ConfirmHoldHandler,
    private readonly canceller: CancelAppointmentHandler,
    private readonly clock: Clock,
  ) {}

  pending(user: UserContext, structureId: string): Promise<PendingOnlineRequest[]> {
    const id = assertUuid(structureId, 'structureId');
    assertStructureAccess(user, id, PERMISSIONS.book);
    return this.requests.pending(id, this.clock.now());
  }

  async confirm(user: UserContext, requestId: string): Promise<AppointmentEntity> {
    const { request, hold } = await this.load(user, requestId);
    const lapsed =
      hold.cancelReason === HOLD_LAPSED ||
      (hold.status === 'held' && (hold.holdExpiresAt?.getTime() ?? 0) <= this.clock.now().getTime());
    if (lapsed) throw SchedulingError.holdLapsed();
    const patientId = await this.directory.registerFromRequest(request.registrationRequestId, user.memberId);
    return this.transactions.run(async () => {
      const locked = await this.lockPending(request.id);
      const booked = await this.confirmer.execute(memberActor(user), { holdId: locked.holdId, patientId });
      await this.requests.decide(locked.id, 'confirmed', user.memberId, this.clock.now());
      return booked;
    });
  }

  async reject(user: UserContext, requestId: string): Promise<OnlineBookingRequest> {
    const { request, hold } = await this.load(user, requestId);
    await this.transactions.run(async () => {
      await this.lockPending(request.id);
      if (hold.status === 'held')
        await this.canceller.execute(memberActor(user), {
          appointmentId: hold.id,
          reason: 'other',
          cancelledBy: 'staff',
        });
      await this.requests.decide(request.id, 'rejected', user.memberId, this.clock.now());
    });
    try {
      await this.directory.discardRegistrationRequest(request.registrationRequestId);
    } catch (error) {
      if (!(error instanceof DirectoryUnavailableError)) throw error;
      this.logger.warn({
        msg: 'registration request kept: the directory is unreachable',
        registrationRequestId: request.registrationRequestId,
      });
    }
    return { ...request, status: 'rejected' };
  }

  private async load(
    user: UserContext,
    requestId: string,
  ): Promise<{ request: OnlineBookingRequest; hold: AppointmentEntity }> {
    const id = assertUuid(requestId, 'input.requestId');
    return this.transactions.run(async () => {
      const request = await this.requests.lockById(id);
      const hold = request && (await this.appointments.findById(request.holdId));
      if (!request || !hold) throw SchedulingError.notFound('Online booking request', 'input.requestId');
      assertMayBook(
        user,
        hold.structureId,
        hold.siteId,
        hold.practitionerId,
        SchedulingError.notFound('Online booking request', 'input.requestId'),
      );
      if (request.status !== 'pending') throw SchedulingError.invalidTransition(request.status, 'decided again');
      return { request, hold };
    });
  }

  private async lockPending(id: string): Promise<OnlineBookingRequest> {
    const request = await this.requests.lockById(id);
    if (!request || request.status !== 'pending')
      throw SchedulingError.invalidTransition(request?.status ?? 'unknown', 'decided again');
    return request;
  }
}
