import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { memberActor } from '../../../application/actor';
import { BookAppointmentHandler } from '../../../application/booking/book-appointment.handler';
import { CancelAppointmentHandler } from '../../../application/booking/cancel-appointment.handler';
import { ConfirmHoldHandler } from '../../../application/booking/confirm-hold.handler';
import { HoldSlotHandler } from '../../../application/booking/hold-slot.handler';
import { AppointmentsQuery } from '../../../application/booking/appointments.query';
import {
  BookAppointmentInput,
  CancelAppointmentInput,
  ConfirmHoldInput,
  HoldSlotInput,
} from '../inputs/booking.inputs';
import { AppointmentFilterInput } from '../inputs/slot-search.inputs';
import { toAppointmentType } from '../mappers/agenda.mapper';
import { AppointmentType } from '../types/appointment.type';

@Resolver(() => AppointmentType)
export class AppointmentResolver {
  constructor(
    private readonly reader: AppointmentsQuery,
    private readonly booker: BookAppointmentHandler,
    private readonly holder: HoldSlotHandler,
    private readonly confirmer: ConfirmHoldHandler,
    private readonly canceller: CancelAppointmentHandler,
  ) {}

  @Query(() => [AppointmentType], { description: 'Live appointments and holds of a structure over a window' })
  async appointments(@CurrentUser() user: UserContext, @Args('filter') filter: AppointmentFilterInput) {
    return (await this.reader.inWindow(user, filter)).map((a) => toAppointmentType(a, user));
  }

  @Query(() => AppointmentType)
  async appointment(@CurrentUser() user: UserContext, @Args('id', { type: () => ID }) id: string) {
    return toAppointmentType(await this.reader.byId(user, id), user);
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
