import { Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { SubgraphAuthenticator, type AuthenticatedRequest } from '@msp/auth';
import { SiteOpeningRangesQuery } from '../../../application/opening-ranges/site-opening-ranges.query';
import { toOpeningRangeType } from '../mappers/agenda.mapper';
import { OpeningRangeType } from '../types/opening-range.type';
import { SiteRefType } from '../types/site-ref.type';

/** GW-1: `Site.openingRanges`, the practitioners' current and future ranges at the directory's Site. */
@Resolver(() => SiteRefType)
export class SiteOpeningRangesResolver {
  constructor(
    private readonly ranges: SiteOpeningRangesQuery,
    private readonly auth: SubgraphAuthenticator,
  ) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): SiteRefType {
    return { id: reference.id };
  }

  @ResolveField(() => [OpeningRangeType], {
    description: 'Opening ranges at this site still valid today or later (members of its structure)',
  })
  async openingRanges(@Parent() site: SiteRefType, @Context() context: { req?: AuthenticatedRequest }) {
    const user = await this.auth.fromGraphQLContext(context);
    return (await this.ranges.execute(user, site.id)).map(toOpeningRangeType);
  }
}
