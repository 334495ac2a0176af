import { Module } from '@nestjs/common';
import { DirectoryReader } from '../application/reads/directory-reader';
import { DirectoryLoaders } from '../interface/graphql/directory.loaders';
import { DirectoryPersistenceModule } from './directory-persistence.module';

/**
 * The staff-facing read side (structures, sites, members, memberships, patients' doctors) the resolvers share, and
 * its per-request loaders.
 */
@Module({
  imports: [DirectoryPersistenceModule],
  providers: [DirectoryReader, DirectoryLoaders],
  exports: [DirectoryReader, DirectoryLoaders],
})
export class DirectoryReadsModule {}
