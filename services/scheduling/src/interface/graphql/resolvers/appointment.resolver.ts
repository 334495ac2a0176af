import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { assertStructureAccess, CurrentUser, type UserContext } from '@msp/auth';
import { memberActor } from '../../../application/actor';
import { BookAppointmentHandler } from '../../../application/booking/book-appointment.handler';
import { CancelAppointmentHandler } from '../../../application/booking/cancel-appointment.handler';
import { ConfirmHoldHandler } from '../../../application/booking/confirm-hold.handler';
import { HoldSlotHandler } from '../../../application/booking/hold-slot.handler';
import { PERMISSIONS } from '../../../application/permissions';
import { AgendaReader } from '../../../application/reads/agenda-reader';
import { FindFreeSlotsQuery } from '../../../application/slots/find-free-slots.query';
import {
  BookAppointmentInput,
  CancelAppointmentInput,
  ConfirmHoldInput,
  HoldSlotInput,
} from '../inputs/booking.inputs';
import { AppointmentFilterInput, FreeSlotSearchInput } from '../inputs/slot-search.inputs';
import { toAppointmentType, toFreeSlotType } from '../mappers/agenda.mapper';
import { AppointmentType } from '../types/appointment.type';
import { FreeSlotType } from '../types/free-slot.type';

@Resolver(() => AppointmentType)
export class AppointmentResolver {
  constructor(
    private readonly reader: AgendaReader,
    private readonly slots: FindFreeSlotsQuery,
    private readonly booker: BookAppointmentHandler,
    private readonly holder: HoldSlotHandler,
    private readonly confirmer: ConfirmHoldHandler,
    private readonly canceller: CancelAppointmentHandler,
  ) {}

  @Query(() => [FreeSlotType], { description: "Free slots of a motif, computed in each site's time zone" })
  async freeSlots(@CurrentUser() user: UserContext, @Args('input') input: FreeSlotSearchInput) {
    const slots = await this.slots.execute(input, (structureId) =>
      assertStructureAccess(user, structureId, PERMISSIONS.readAgenda),
    );
    return slots.map(toFreeSlotType);
  }

  @Query(() => [AppointmentType], { description: 'Live appointments and holds of a structure over a window' })
  async appointments(@CurrentUser() user: UserContext, @Args('filter') filter: AppointmentFilterInput) {
    return (await this.reader.appointments(user, filter)).map((a) => toAppointmentType(a, user));
  }

  @Query(() => AppointmentType)
  async appointment(@CurrentUser() user: UserContext, @Args('id', { type: () => ID }) id: string) {
    return toAppointmentType(await this.reader.appointment(user, id), user);
  }

  @Mutation(() => AppointmentType)
  async bookAppointment(@CurrentUser() user: UserContext, @Args('input') input: BookAppointmentInput) {
    return toAppointmentType(await this.booker.execute(memberActor(user), input), user);
  }

  @Mutation(() => AppointmentType, { description: 'Holds a slot for a few minutes while the caller confirms' })
  async holdSlot(@CurrentUser() user: UserContext, @Args('input') input: HoldSlotInput) {
    return toAppointmentType(await this.holder.execute(memberActor(user), input), user);
  }

  @Mutation(() => AppointmentType)
  async confirmHold(@CurrentUser() user: UserContext, @Args('input') input: ConfirmHoldInput) {
    return toAppointmentType(await this.confirmer.execute(memberActor(user), input), user);
  }

  @Mutation(() => AppointmentType)
  async cancelAppointment(@CurrentUser() user: UserContext, @Args('input') input: CancelAppointmentInput) {
    return toAppointmentType(await this.canceller.execute(memberActor(user), input), user);
  }
}
