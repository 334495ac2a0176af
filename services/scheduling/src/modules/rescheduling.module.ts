import { Module } from '@nestjs/common';
import { RescheduleAppointmentHandler } from '../application/rescheduling/reschedule-appointment.handler';
import { ReschedulingResolver } from '../interface/graphql/resolvers/rescheduling.resolver';
import { BookingModule } from './booking.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** Moving an appointment to another time, practitioner or site of its structure (SCH-6). */
@Module({
  imports: [SchedulingPersistenceModule, BookingModule],
  providers: [RescheduleAppointmentHandler, ReschedulingResolver],
})
export class ReschedulingModule {}
