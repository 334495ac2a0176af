import { Module } from '@nestjs/common';
import { SiteCallSettingsHandler } from '../application/settings/site-call-settings.handler';
import { SiteCallSettingsResolver } from '../interface/graphql/resolvers/site-call-settings.resolver';
import { CallRoutingPersistenceModule } from './call-routing-persistence.module';

/** A site's holidays, duty roster, phone-booking motif and remote queue. */
@Module({
  imports: [CallRoutingPersistenceModule],
  providers: [SiteCallSettingsHandler, SiteCallSettingsResolver],
})
export class SiteCallSettingsModule {}
