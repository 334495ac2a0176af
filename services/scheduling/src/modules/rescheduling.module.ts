import { Module } from '@nestjs/common';
import { CallerAppointmentsQuery } from '../application/booking/caller-appointments.query';
import { RescheduleAppointmentHandler } from '../application/rescheduling/reschedule-appointment.handler';
import { ReschedulingResolver } from '../interface/graphql/resolvers/rescheduling.resolver';
import { CallerAppointmentsInternalController } from '../interface/internal/caller-appointments-internal.controller';
import { BookingModule } from './booking.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/**
 * Moving an appointment to another time, practitioner or site of its structure (SCH-6), by staff or by the virtual
 * secretary for its caller (who may list their coming appointments first).
 */
@Module({
  imports: [SchedulingPersistenceModule, BookingModule],
  controllers: [CallerAppointmentsInternalController],
  providers: [RescheduleAppointmentHandler, ReschedulingResolver, CallerAppointmentsQuery],
  exports: [RescheduleAppointmentHandler],
})
export class ReschedulingModule {}
