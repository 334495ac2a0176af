import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { DirectoryReader } from '../../../application/reads/directory-reader';
import { MemberType } from '../types/member.type';
import { PatientAccessEntryType } from '../types/patient.type';

@Resolver(() => PatientAccessEntryType)
export class AccessEntryResolver {
  constructor(private readonly reader: DirectoryReader) {}

  @ResolveField(() => MemberType, {
    nullable: true,
    description: 'Who read; null if they left every structure you share',
  })
  async member(@CurrentUser() user: UserContext, @Parent() entry: PatientAccessEntryType) {
    return (await this.reader.visibleMembers(user, [entry.memberId]))[0] ?? null;
  }
}
