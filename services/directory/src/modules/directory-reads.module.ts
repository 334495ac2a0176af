import { Module } from '@nestjs/common';
import { DirectoryReader } from '../application/reads/directory-reader';
import { DirectoryPersistenceModule } from './directory-persistence.module';

/** The staff-facing read side (structures, sites, members, memberships, patients' doctors) the resolvers share. */
@Module({
  imports: [DirectoryPersistenceModule],
  providers: [DirectoryReader],
  exports: [DirectoryReader],
})
export class DirectoryReadsModule {}
