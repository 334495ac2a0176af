import { Module } from '@nestjs/common';
import { AppointmentStepRunner } from '../application/lifecycle/appointment-step.runner';
import { CompleteAppointmentHandler } from '../application/lifecycle/complete-appointment.handler';
import { MarkArrivedHandler } from '../application/lifecycle/mark-arrived.handler';
import { MarkNoShowHandler } from '../application/lifecycle/mark-no-show.handler';
import { StartConsultationHandler } from '../application/lifecycle/start-consultation.handler';
import { AppointmentLifecycleResolver } from '../interface/graphql/resolvers/appointment-lifecycle.resolver';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** An appointment's day (SCH-6): arrived, in consultation, done, or no-show. */
@Module({
  imports: [SchedulingPersistenceModule],
  providers: [
    AppointmentStepRunner,
    MarkArrivedHandler,
    StartConsultationHandler,
    CompleteAppointmentHandler,
    MarkNoShowHandler,
    AppointmentLifecycleResolver,
  ],
  // The demo month plays appointments' days through them.
  exports: [MarkArrivedHandler, StartConsultationHandler, CompleteAppointmentHandler, MarkNoShowHandler],
})
export class AppointmentLifecycleModule {}
