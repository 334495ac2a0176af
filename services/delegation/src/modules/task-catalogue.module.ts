import { Module } from '@nestjs/common';
import { SetTaskTypeHandler } from '../application/catalogue/set-task-type.handler';
import { TaskCatalogueQuery } from '../application/catalogue/task-catalogue.query';
import { TaskCatalogueResolver } from '../interface/graphql/resolvers/task-catalogue.resolver';
import { DelegationPersistenceModule } from './delegation-persistence.module';

/** DEL-1: the default catalogue and each structure's edits. */
@Module({
  imports: [DelegationPersistenceModule],
  providers: [TaskCatalogueQuery, SetTaskTypeHandler, TaskCatalogueResolver],
  exports: [TaskCatalogueQuery],
})
export class TaskCatalogueModule {}
