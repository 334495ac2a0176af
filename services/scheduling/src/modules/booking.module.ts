import { Module } from '@nestjs/common';
import { AppointmentsQuery } from '../application/booking/appointments.query';
import { BookAppointmentHandler } from '../application/booking/book-appointment.handler';
import { BookingContextLoader } from '../application/booking/booking-context.loader';
import { CancelAppointmentHandler } from '../application/booking/cancel-appointment.handler';
import { ConfirmHoldHandler } from '../application/booking/confirm-hold.handler';
import { HoldSlotHandler } from '../application/booking/hold-slot.handler';
import { HoldSweeper } from '../application/booking/hold-sweeper';
import { MultiSiteDayCheck } from '../application/booking/multi-site-day.check';
import { SlotReservation } from '../application/booking/slot-reservation';
import { StructurePatientCheck } from '../application/booking/structure-patient.check';
import { AppointmentPatientResolver } from '../interface/graphql/resolvers/appointment-patient.resolver';
import { AppointmentResolver } from '../interface/graphql/resolvers/appointment.resolver';
import { AgendaInternalController } from '../interface/internal/agenda-internal.controller';
import { DirectoryClientModule } from './directory-client.module';
import { FreeSlotsModule } from './free-slots.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/**
 * Staff and virtual-secretary booking: book, hold, confirm, cancel, the hold sweeper, the appointment reads, and the
 * internal agenda API. Exports what the other ways of taking or freeing a slot build on.
 */
@Module({
  imports: [SchedulingPersistenceModule, DirectoryClientModule, FreeSlotsModule],
  controllers: [AgendaInternalController],
  providers: [
    MultiSiteDayCheck,
    BookingContextLoader,
    SlotReservation,
    StructurePatientCheck,
    BookAppointmentHandler,
    HoldSlotHandler,
    ConfirmHoldHandler,
    CancelAppointmentHandler,
    HoldSweeper,
    AppointmentsQuery,
    AppointmentResolver,
    AppointmentPatientResolver,
  ],
  exports: [
    BookingContextLoader,
    SlotReservation,
    StructurePatientCheck,
    BookAppointmentHandler,
    ConfirmHoldHandler,
    CancelAppointmentHandler,
  ],
})
export class BookingModule {}
