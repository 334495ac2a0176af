import { Module } from '@nestjs/common';
import { AddCptsMemberStructureHandler } from '../application/structures/add-cpts-member-structure.handler';
import { CptsMembershipQuery } from '../application/structures/cpts-membership.query';
import { CreateStructureHandler } from '../application/structures/create-structure.handler';
import { CptsInternalController } from '../interface/internal/cpts-internal.controller';
import { OnboardStructureHandler } from '../application/structures/onboard-structure.handler';
import { StructureResolver } from '../interface/graphql/resolvers/structure.resolver';
import { DirectoryPersistenceModule } from './directory-persistence.module';
import { DirectoryReadsModule } from './directory-reads.module';

/**
 * Structures (practices, health centres): creation with its first administrator (the operator's onboarding, a CPTS
 * adding a member MSP), and reads.
 */
@Module({
  imports: [DirectoryPersistenceModule, DirectoryReadsModule],
  controllers: [CptsInternalController],
  providers: [
    CptsMembershipQuery,
    CreateStructureHandler,
    OnboardStructureHandler,
    AddCptsMemberStructureHandler,
    StructureResolver,
  ],
  exports: [CreateStructureHandler, OnboardStructureHandler],
})
export class StructuresModule {}
