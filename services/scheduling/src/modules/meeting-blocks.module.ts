import { Module } from '@nestjs/common';
import { MeetingBlocks } from '../application/meetings/meeting-blocks';
import { CoordinationEventsHandler } from '../interface/events/coordination-events.handler';
import { BookingModule } from './booking.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/**
 * Coordination meetings block their attendees' agendas under the appointments' constraint (issue 12, item 2); the
 * holds in their way lapse as a booking's would (BookingModule's SlotReservation).
 */
@Module({
  imports: [SchedulingPersistenceModule, BookingModule],
  providers: [MeetingBlocks, CoordinationEventsHandler],
})
export class MeetingBlocksModule {}
