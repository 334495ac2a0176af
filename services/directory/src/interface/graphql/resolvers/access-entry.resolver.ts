import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { SubgraphContext } from '@msp/service-kit';
import { DirectoryLoaders } from '../directory.loaders';
import { MemberType } from '../types/member.type';
import { PatientAccessEntryType } from '../types/patient.type';

@Resolver(() => PatientAccessEntryType)
export class AccessEntryResolver {
  constructor(private readonly loaders: DirectoryLoaders) {}

  @ResolveField(() => MemberType, {
    nullable: true,
    description: 'Who read; null if they left every structure you share',
  })
  member(@Parent() entry: PatientAccessEntryType, @Context() context: SubgraphContext) {
    return this.loaders.visibleMember(context).load(entry.memberId);
  }
}
