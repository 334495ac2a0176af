import { Module } from '@nestjs/common';
import { ChangeSiteHoursHandler } from '../application/sites/change-site-hours.handler';
import { OpenSiteHandler } from '../application/sites/open-site.handler';
import { SiteResolver } from '../interface/graphql/resolvers/site.resolver';
import { DirectoryPersistenceModule } from './directory-persistence.module';
import { DirectoryReadsModule } from './directory-reads.module';

/** A structure's sites: opening one, changing its opening hours. */
@Module({
  imports: [DirectoryPersistenceModule, DirectoryReadsModule],
  providers: [OpenSiteHandler, ChangeSiteHoursHandler, SiteResolver],
  exports: [OpenSiteHandler],
})
export class SitesModule {}
