import { Module } from '@nestjs/common';
import { ArchiveRoomHandler } from '../application/rooms/archive-room.handler';
import { CreateRoomHandler } from '../application/rooms/create-room.handler';
import { RoomsQuery } from '../application/rooms/rooms.query';
import { SetMotifRoomRequirementHandler } from '../application/rooms/set-motif-room-requirement.handler';
import { SetSiteTravelTimeHandler } from '../application/site-travel/set-site-travel-time.handler';
import { SiteTravelTimesQuery } from '../application/site-travel/site-travel-times.query';
import { MultiSiteResolver } from '../interface/graphql/resolvers/multi-site.resolver';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/**
 * Multi-site days (SCH-11): rooms of sites, motifs' room needs, travel times between sites. Bookings and free slots
 * apply them through `MultiSiteDayCheck` (BookingModule) and `FindFreeSlotsQuery`; ranges through `CrossSiteRangeCheck`.
 */
@Module({
  imports: [SchedulingPersistenceModule],
  providers: [
    CreateRoomHandler,
    ArchiveRoomHandler,
    RoomsQuery,
    SetMotifRoomRequirementHandler,
    SetSiteTravelTimeHandler,
    SiteTravelTimesQuery,
    MultiSiteResolver,
  ],
})
export class MultiSiteModule {}
