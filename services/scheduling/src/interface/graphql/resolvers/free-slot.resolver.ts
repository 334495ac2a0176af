import { Args, Query, Resolver } from '@nestjs/graphql';
import { assertStructureAccess, CurrentUser, type UserContext } from '@msp/auth';
import { PERMISSIONS } from '../../../application/permissions';
import { FindFreeSlotsQuery } from '../../../application/slots/find-free-slots.query';
import { FreeSlotSearchInput } from '../inputs/slot-search.inputs';
import { toFreeSlotType } from '../mappers/agenda.mapper';
import { FreeSlotType } from '../types/free-slot.type';

@Resolver(() => FreeSlotType)
export class FreeSlotResolver {
  constructor(private readonly slots: FindFreeSlotsQuery) {}

  @Query(() => [FreeSlotType], { description: "Free slots of a motif, computed in each site's time zone" })
  async freeSlots(@CurrentUser() user: UserContext, @Args('input') input: FreeSlotSearchInput) {
    const slots = await this.slots.execute(input, (structureId) =>
      assertStructureAccess(user, structureId, PERMISSIONS.readAgenda),
    );
    return slots.map(toFreeSlotType);
  }
}
