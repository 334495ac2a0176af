import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { ArchiveRoomHandler } from '../../../application/rooms/archive-room.handler';
import { CreateRoomHandler } from '../../../application/rooms/create-room.handler';
import { RoomsQuery } from '../../../application/rooms/rooms.query';
import { SetMotifRoomRequirementHandler } from '../../../application/rooms/set-motif-room-requirement.handler';
import { SetSiteTravelTimeHandler } from '../../../application/site-travel/set-site-travel-time.handler';
import { SiteTravelTimesQuery } from '../../../application/site-travel/site-travel-times.query';
import { CreateRoomInput, SetMotifRoomRequirementInput, SetSiteTravelTimeInput } from '../inputs/multi-site.inputs';
import { MotifRoomRequirementType, RoomType, SiteTravelTimeType } from '../types/multi-site.type';

/** Multi-site days (SCH-11): rooms of sites, what motifs need of them, travel between sites. */
@Resolver()
export class MultiSiteResolver {
  constructor(
    private readonly roomsQuery: RoomsQuery,
    private readonly creator: CreateRoomHandler,
    private readonly archiver: ArchiveRoomHandler,
    private readonly requirementSetter: SetMotifRoomRequirementHandler,
    private readonly travelSetter: SetSiteTravelTimeHandler,
    private readonly travelTimes: SiteTravelTimesQuery,
  ) {}

  @Query(() => [RoomType], { description: 'The rooms of a site, by label' })
  rooms(
    @CurrentUser() user: UserContext,
    @Args('siteId', { type: () => ID }) siteId: string,
    @Args('includeArchived', { type: () => Boolean, nullable: true }) includeArchived?: boolean | null,
  ): Promise<RoomType[]> {
    return this.roomsQuery.ofSite(user, { siteId, includeArchived });
  }

  @Mutation(() => RoomType, { description: 'Adds a room to a site (administrators)' })
  createRoom(@CurrentUser() user: UserContext, @Args('input') input: CreateRoomInput): Promise<RoomType> {
    return this.creator.execute(user, input);
  }

  @Mutation(() => RoomType, { description: 'Takes a room out of new bookings; booked appointments keep it' })
  archiveRoom(@CurrentUser() user: UserContext, @Args('roomId', { type: () => ID }) roomId: string): Promise<RoomType> {
    return this.archiver.execute(user, { roomId });
  }

  @Query(() => [MotifRoomRequirementType], { description: "What the structure's motifs need of rooms" })
  motifRoomRequirements(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
  ): Promise<MotifRoomRequirementType[]> {
    return this.roomsQuery.requirements(user, { structureId });
  }

  @Mutation(() => MotifRoomRequirementType, { description: 'Sets what a motif needs of a room (kind, equipment)' })
  setMotifRoomRequirement(
    @CurrentUser() user: UserContext,
    @Args('input') input: SetMotifRoomRequirementInput,
  ): Promise<MotifRoomRequirementType> {
    return this.requirementSetter.execute(user, input);
  }

  @Query(() => [SiteTravelTimeType], { description: "Travel times set between the structure's sites" })
  siteTravelTimes(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
  ): Promise<SiteTravelTimeType[]> {
    return this.travelTimes.execute(user, { structureId });
  }

  @Mutation(() => SiteTravelTimeType, {
    description: 'Sets the minutes kept free between two sites, either way (administrators); 0 removes the pair',
  })
  setSiteTravelTime(
    @CurrentUser() user: UserContext,
    @Args('input') input: SetSiteTravelTimeInput,
  ): Promise<SiteTravelTimeType> {
    return this.travelSetter.execute(user, input);
  }
}
