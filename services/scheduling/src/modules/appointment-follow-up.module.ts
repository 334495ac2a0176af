import { Module } from '@nestjs/common';
import { AppointmentEventsListener } from '../application/patient-services/appointment-events.listener';
import { RemindersModule } from './reminders.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';
import { WaitlistModule } from './waitlist.module';

/**
 * Scheduling's reactions to its own appointment events: reminders follow the appointment, freed time goes to the
 * waitlist. One module because the inbox takes one handler per event type.
 */
@Module({
  imports: [SchedulingPersistenceModule, RemindersModule, WaitlistModule],
  providers: [AppointmentEventsListener],
})
export class AppointmentFollowUpModule {}
