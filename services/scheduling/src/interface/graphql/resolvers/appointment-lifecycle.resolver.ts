import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { memberActor } from '../../../application/actor';
import { CompleteAppointmentHandler } from '../../../application/lifecycle/complete-appointment.handler';
import { MarkArrivedHandler } from '../../../application/lifecycle/mark-arrived.handler';
import { MarkNoShowHandler } from '../../../application/lifecycle/mark-no-show.handler';
import { StartConsultationHandler } from '../../../application/lifecycle/start-consultation.handler';
import { AppointmentStepInput, CompleteAppointmentInput } from '../inputs/lifecycle.inputs';
import { toAppointmentType } from '../mappers/agenda.mapper';
import { AppointmentType } from '../types/appointment.type';

/** SCH-6: an appointment's day: arrived, in consultation, done, or no-show. */
@Resolver(() => AppointmentType)
export class AppointmentLifecycleResolver {
  constructor(
    private readonly arrivals: MarkArrivedHandler,
    private readonly consultations: StartConsultationHandler,
    private readonly completions: CompleteAppointmentHandler,
    private readonly noShows: MarkNoShowHandler,
  ) {}

  @Mutation(() => AppointmentType, { description: 'The patient arrived (booked or confirmed → arrived)' })
  async markArrived(@CurrentUser() user: UserContext, @Args('input') input: AppointmentStepInput) {
    return toAppointmentType(await this.arrivals.execute(memberActor(user), input), user);
  }

  @Mutation(() => AppointmentType, { description: 'The consultation starts (arrived → in consultation)' })
  async startConsultation(@CurrentUser() user: UserContext, @Args('input') input: AppointmentStepInput) {
    return toAppointmentType(await this.consultations.execute(memberActor(user), input), user);
  }

  @Mutation(() => AppointmentType, {
    description:
      'The appointment is done (arrived or in consultation → done); a practitioner may ask the team to chase an exam',
  })
  async completeAppointment(@CurrentUser() user: UserContext, @Args('input') input: CompleteAppointmentInput) {
    return toAppointmentType(await this.completions.execute(memberActor(user), input), user);
  }

  @Mutation(() => AppointmentType, {
    description: 'The patient did not come (booked or confirmed → no-show, once started)',
  })
  async markNoShow(@CurrentUser() user: UserContext, @Args('input') input: AppointmentStepInput) {
    return toAppointmentType(await this.noShows.execute(memberActor(user), input), user);
  }
}
