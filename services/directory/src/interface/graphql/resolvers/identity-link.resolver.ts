import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import {
  IdentityLinksQuery,
  LinkIdentityHandler,
  UnlinkIdentityHandler,
} from '../../../application/external-identity/identity-links.handlers';
import { LinkIdentityInput, UnlinkIdentityInput } from '../inputs/identity-link.inputs';
import { IdentityLinksType, IdentityLinkType } from '../types/identity-link.type';

/** Administrators see and manage which external identities sign in as their members (ADR 0019). */
@Resolver(() => IdentityLinkType)
export class IdentityLinkResolver {
  constructor(
    private readonly query: IdentityLinksQuery,
    private readonly linker: LinkIdentityHandler,
    private readonly unlinker: UnlinkIdentityHandler,
  ) {}

  @Query(() => IdentityLinksType, { description: "A member's external identities and their audit trail" })
  identityLinks(@CurrentUser() user: UserContext, @Args('memberId', { type: () => ID }) memberId: string) {
    return this.query.of(user, memberId);
  }

  @Mutation(() => IdentityLinkType, { description: "An external issuer's subject signs in as this member from now on" })
  linkIdentity(@CurrentUser() user: UserContext, @Args('input') input: LinkIdentityInput) {
    return this.linker.execute(user, input);
  }

  @Mutation(() => Boolean, { description: 'The subject is matched by its claims again at its next sign-in' })
  unlinkIdentity(@CurrentUser() user: UserContext, @Args('input') input: UnlinkIdentityInput) {
    return this.unlinker.execute(user, input);
  }
}
