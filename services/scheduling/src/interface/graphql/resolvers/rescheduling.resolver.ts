import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { memberActor } from '../../../application/actor';
import { RescheduleAppointmentHandler } from '../../../application/rescheduling/reschedule-appointment.handler';
import { RescheduleAppointmentInput } from '../inputs/lifecycle.inputs';
import { toAppointmentType } from '../mappers/agenda.mapper';
import { AppointmentType } from '../types/appointment.type';

/** SCH-6: move an appointment to another time, practitioner or site. */
@Resolver(() => AppointmentType)
export class ReschedulingResolver {
  constructor(private readonly rescheduler: RescheduleAppointmentHandler) {}

  @Mutation(() => AppointmentType, {
    description: 'Moves a booked or confirmed appointment; the new time must be free, the old one is freed',
  })
  async rescheduleAppointment(@CurrentUser() user: UserContext, @Args('input') input: RescheduleAppointmentInput) {
    return toAppointmentType(await this.rescheduler.execute(memberActor(user), input), user);
  }
}
