import { Args, Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { SubgraphAuthenticator, type AuthenticatedRequest } from '@msp/auth';
import { MemberAgendaQuery } from '../../../application/agenda-views/member-agenda.query';
import { toAgendaEntry } from '../mappers/agenda-view.mapper';
import { AgendaEntryType } from '../types/agenda-entry.type';
import { PatientRefType } from '../types/patient-ref.type';

/** GW-1: `Patient.appointments`, for booking staff of the structure. */
@Resolver(() => PatientRefType)
export class PatientAppointmentsResolver {
  constructor(
    private readonly agendas: MemberAgendaQuery,
    private readonly auth: SubgraphAuthenticator,
  ) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): PatientRefType {
    return { id: reference.id };
  }

  @ResolveField(() => [AgendaEntryType], {
    description: "The patient's live appointments the caller books for (default: the coming year)",
  })
  async appointments(
    @Parent() patient: PatientRefType,
    @Context() context: { req?: AuthenticatedRequest },
    @Args('from', { type: () => String, nullable: true, description: 'ISO-8601 instant; default now' })
    from?: string | null,
    @Args('to', { type: () => String, nullable: true, description: 'ISO-8601 instant; default a year after from' })
    to?: string | null,
  ) {
    const user = await this.auth.fromGraphQLContext(context);
    return (await this.agendas.ofPatient(user, patient.id, from, to)).map((a) => toAgendaEntry(a, user));
  }
}
