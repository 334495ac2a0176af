import { Module } from '@nestjs/common';
import { AppointmentsOutsideRangesQuery } from '../application/opening-ranges/appointments-outside-ranges.query';
import { DecideOutsideAppointmentHandler } from '../application/opening-ranges/decide-outside-appointment.handler';
import { EditOpeningRangeHandler } from '../application/opening-ranges/edit-opening-range.handler';
import { EndOpeningRangeHandler } from '../application/opening-ranges/end-opening-range.handler';
import { OpeningRangeChangeSteps } from '../application/opening-ranges/opening-range-change.steps';
import { OutsideAppointmentsLister } from '../application/opening-ranges/outside-appointments.lister';
import { OpeningRangeChangeResolver } from '../interface/graphql/resolvers/opening-range-change.resolver';
import { BookingModule } from './booking.module';
import { OpeningRangesModule } from './opening-ranges.module';
import { ReschedulingModule } from './rescheduling.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/**
 * Opening ranges ended or edited from a day on (SCH-1/2, issue 14), the appointments a change leaves outside them, and
 * staff's decision about each: keep, or move and cancel through the rescheduling and cancellation handlers.
 */
@Module({
  imports: [SchedulingPersistenceModule, BookingModule, ReschedulingModule, OpeningRangesModule],
  providers: [
    OpeningRangeChangeSteps,
    OutsideAppointmentsLister,
    EndOpeningRangeHandler,
    EditOpeningRangeHandler,
    AppointmentsOutsideRangesQuery,
    DecideOutsideAppointmentHandler,
    OpeningRangeChangeResolver,
  ],
})
export class OpeningRangeChangesModule {}
