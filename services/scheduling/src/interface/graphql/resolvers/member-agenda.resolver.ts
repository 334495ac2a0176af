import { Args, Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { SubgraphAuthenticator } from '@msp/auth';
import { manyByKey, type RequestLoader, requestLoader, type SubgraphContext } from '@msp/service-kit';
import { MemberAgendaQuery } from '../../../application/agenda-views/member-agenda.query';
import { toAgendaEntry } from '../mappers/agenda-view.mapper';
import { AgendaEntryType } from '../types/agenda-entry.type';
import { MemberRefType } from '../types/member-ref.type';

/** GW-1: `Member.agenda`, joined by the gateway onto the directory's Member (reached through `_entities`). */
@Resolver(() => MemberRefType)
export class MemberAgendaResolver {
  constructor(
    private readonly agendas: MemberAgendaQuery,
    private readonly auth: SubgraphAuthenticator,
  ) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): MemberRefType {
    return { id: reference.id };
  }

  @ResolveField(() => [AgendaEntryType], {
    description: "The member's appointments as practitioner, in structures the caller belongs to",
  })
  agenda(
    @Parent() member: MemberRefType,
    @Args('from', { description: 'ISO-8601 instant' }) from: string,
    @Args('to', { description: 'ISO-8601 instant, at most 62 days after from' }) to: string,
    @Context() context: SubgraphContext,
  ) {
    return this.agendasOver(context, from, to).load(member.id);
  }

  /** Every member the gateway asks about in one request (a team's week), in one query. */
  private agendasOver(context: SubgraphContext, from: string, to: string): RequestLoader<string, AgendaEntryType[]> {
    return requestLoader(context, `agenda:${JSON.stringify([from, to])}`, async (memberIds: readonly string[]) => {
      const user = await this.auth.fromGraphQLContext(context);
      const appointments = await this.agendas.ofMembers(user, memberIds, from, to);
      return manyByKey(memberIds, appointments, (a) => a.practitionerId).map((own) =>
        own.map((a) => toAgendaEntry(a, user)),
      );
    });
  }
}
