import { type ClassProvider, Module } from '@nestjs/common';
import { CallJournalRepository } from '../application/ports/call-journal.repository';
import { DirectoryCopyRepository } from '../application/ports/directory-copy.repository';
import { LineRepository } from '../application/ports/line.repository';
import { PresenceRepository } from '../application/ports/presence.repository';
import { ReplayGuard } from '../application/ports/replay-guard';
import { RulebookRepository } from '../application/ports/rulebook.repository';
import { SiteSettingsRepository } from '../application/ports/site-settings.repository';
import { PostgresReplayGuard } from '../infrastructure/repositories/postgres-replay-guard';
import { TypeOrmCallJournalRepository } from '../infrastructure/repositories/typeorm-call-journal.repository';
import { TypeOrmDirectoryCopyRepository } from '../infrastructure/repositories/typeorm-directory-copy.repository';
import { TypeOrmLineRepository } from '../infrastructure/repositories/typeorm-line.repository';
import { TypeOrmPresenceRepository } from '../infrastructure/repositories/typeorm-presence.repository';
import { TypeOrmRulebookRepository } from '../infrastructure/repositories/typeorm-rulebook.repository';
import { TypeOrmSiteSettingsRepository } from '../infrastructure/repositories/typeorm-site-settings.repository';

/** Each repository port of the application, bound to its PostgreSQL implementation. */
const PORTS: ClassProvider[] = [
  { provide: DirectoryCopyRepository, useClass: TypeOrmDirectoryCopyRepository },
  { provide: PresenceRepository, useClass: TypeOrmPresenceRepository },
  { provide: LineRepository, useClass: TypeOrmLineRepository },
  { provide: SiteSettingsRepository, useClass: TypeOrmSiteSettingsRepository },
  { provide: RulebookRepository, useClass: TypeOrmRulebookRepository },
  { provide: CallJournalRepository, useClass: TypeOrmCallJournalRepository },
  { provide: ReplayGuard, useClass: PostgresReplayGuard },
];

/** Call routing's repositories over its own database, shared by the feature modules. */
@Module({ providers: PORTS, exports: PORTS.map((p) => p.provide) })
export class CallRoutingPersistenceModule {}
