import { Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { SubgraphAuthenticator } from '@msp/auth';
import { manyByKey, type RequestLoader, requestLoader, type SubgraphContext } from '@msp/service-kit';
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
  openingRanges(@Parent() site: SiteRefType, @Context() context: SubgraphContext) {
    return this.rangesAt(context).load(site.id);
  }

  /** Every site of a structure the gateway asks about in one request, in one query. */
  private rangesAt(context: SubgraphContext): RequestLoader<string, OpeningRangeType[]> {
    return requestLoader(context, 'openingRanges', async (siteIds: readonly string[]) => {
      const ranges = await this.ranges.execute(await this.auth.fromGraphQLContext(context), siteIds);
      return manyByKey(siteIds, ranges, (r) => r.siteId).map((own) => own.map(toOpeningRangeType));
    });
  }
}
