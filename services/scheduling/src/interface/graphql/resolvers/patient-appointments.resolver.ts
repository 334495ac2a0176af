import { Args, Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { SubgraphAuthenticator } from '@msp/auth';
import { manyByKey, type RequestLoader, requestLoader, type SubgraphContext } from '@msp/service-kit';
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
  appointments(
    @Parent() patient: PatientRefType,
    @Context() context: SubgraphContext,
    @Args('from', { type: () => String, nullable: true, description: 'ISO-8601 instant; default now' })
    from?: string | null,
    @Args('to', { type: () => String, nullable: true, description: 'ISO-8601 instant; default a year after from' })
    to?: string | null,
  ) {
    return this.appointmentsOver(context, from ?? null, to ?? null).load(patient.id);
  }

  /** Every patient the gateway asks about in one request (a search's results), in one query. */
  private appointmentsOver(
    context: SubgraphContext,
    from: string | null,
    to: string | null,
  ): RequestLoader<string, AgendaEntryType[]> {
    return requestLoader(
      context,
      `appointments:${JSON.stringify([from, to])}`,
      async (patientIds: readonly string[]) => {
        const user = await this.auth.fromGraphQLContext(context);
        const appointments = await this.agendas.ofPatients(user, patientIds, from, to);
        return manyByKey(patientIds, appointments, (a) => a.patientId).map((own) =>
          own.map((a) => toAgendaEntry(a, user)),
        );
      },
    );
  }
}
