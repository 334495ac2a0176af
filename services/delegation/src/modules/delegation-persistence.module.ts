import { type ClassProvider, Module } from '@nestjs/common';
import { CatalogueRepository } from '../application/ports/catalogue.repository';
import { DysfunctionRepository } from '../application/ports/dysfunction.repository';
import { ProtocolRepository } from '../application/ports/protocol.repository';
import { TaskRepository } from '../application/ports/task.repository';
import { TeamRepository } from '../application/ports/team.repository';
import { TypeOrmCatalogueRepository } from '../infrastructure/repositories/typeorm-catalogue.repository';
import { TypeOrmDysfunctionRepository } from '../infrastructure/repositories/typeorm-dysfunction.repository';
import { TypeOrmProtocolRepository } from '../infrastructure/repositories/typeorm-protocol.repository';
import { TypeOrmTaskRepository } from '../infrastructure/repositories/typeorm-task.repository';
import { TypeOrmTeamRepository } from '../infrastructure/repositories/typeorm-team.repository';

/** Each repository port of the application, bound to its PostgreSQL implementation. */
const PORTS: ClassProvider[] = [
  { provide: TeamRepository, useClass: TypeOrmTeamRepository },
  { provide: CatalogueRepository, useClass: TypeOrmCatalogueRepository },
  { provide: ProtocolRepository, useClass: TypeOrmProtocolRepository },
  { provide: TaskRepository, useClass: TypeOrmTaskRepository },
  { provide: DysfunctionRepository, useClass: TypeOrmDysfunctionRepository },
];

/** Delegation's repositories over its own database, shared by the feature modules. */
@Module({ providers: PORTS, exports: PORTS.map((p) => p.provide) })
export class DelegationPersistenceModule {}
