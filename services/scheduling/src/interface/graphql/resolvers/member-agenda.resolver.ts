import { Args, Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { SubgraphAuthenticator, type AuthenticatedRequest } from '@msp/auth';
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
  async agenda(
    @Parent() member: MemberRefType,
    @Args('from', { description: 'ISO-8601 instant' }) from: string,
    @Args('to', { description: 'ISO-8601 instant, at most 62 days after from' }) to: string,
    @Context() context: { req?: AuthenticatedRequest },
  ) {
    const user = await this.auth.fromGraphQLContext(context);
    return (await this.agendas.ofMember(user, member.id, from, to)).map((a) => toAgendaEntry(a, user));
  }
}
