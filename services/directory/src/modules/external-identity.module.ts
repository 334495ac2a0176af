import { Module } from '@nestjs/common';
import { ResolveExternalIdentityHandler } from '../application/external-identity/resolve-external-identity.handler';
import {
  IdentityLinkAdministration,
  IdentityLinksQuery,
  LinkIdentityHandler,
  UnlinkIdentityHandler,
} from '../application/external-identity/identity-links.handlers';
import { IdentityLinkResolver } from '../interface/graphql/resolvers/identity-link.resolver';
import { ExternalIdentityInternalController } from '../interface/internal/external-identity-internal.controller';
import { DirectoryPersistenceModule } from './directory-persistence.module';

/**
 * External identity providers (ADR 0019): the gateway asks which member a Keycloak or Pro Santé Connect subject is;
 * administrators link and unlink subjects explicitly.
 */
@Module({
  imports: [DirectoryPersistenceModule],
  controllers: [ExternalIdentityInternalController],
  providers: [
    ResolveExternalIdentityHandler,
    IdentityLinkAdministration,
    IdentityLinksQuery,
    LinkIdentityHandler,
    UnlinkIdentityHandler,
    IdentityLinkResolver,
  ],
})
export class ExternalIdentityModule {}
