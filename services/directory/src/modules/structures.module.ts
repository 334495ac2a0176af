import { Module } from '@nestjs/common';
import { CreateStructureHandler } from '../application/structures/create-structure.handler';
import { StructureResolver } from '../interface/graphql/resolvers/structure.resolver';
import { DirectoryPersistenceModule } from './directory-persistence.module';
import { DirectoryReadsModule } from './directory-reads.module';

/** Structures (practices, health centres): creation with its first administrator, and reads. */
@Module({
  imports: [DirectoryPersistenceModule, DirectoryReadsModule],
  providers: [CreateStructureHandler, StructureResolver],
  exports: [CreateStructureHandler],
})
export class StructuresModule {}
