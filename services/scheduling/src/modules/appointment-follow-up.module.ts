import { Module } from '@nestjs/common';
import { AppointmentFollowUp } from '../application/follow-up/appointment-follow-up';
import { AppointmentEventsHandler } from '../interface/events/appointment-events.handler';
import { RemindersModule } from './reminders.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';
import { WaitlistModule } from './waitlist.module';

/**
 * Scheduling's reactions to its own appointment events: reminders follow the appointment, freed time goes to the
 * waitlist. One module because the inbox takes one handler per event type.
 */
@Module({
  imports: [SchedulingPersistenceModule, RemindersModule, WaitlistModule],
  providers: [AppointmentFollowUp, AppointmentEventsHandler],
})
export class AppointmentFollowUpModule {}
