import { type DynamicModule, Module } from '@nestjs/common';
import { DemoMonthPlayer } from '../demo/demo-month.player';
import { DEMO_PROTOCOLS_OPTIONS, DemoProtocolsLoader, type DemoProtocolsOptions } from '../demo/demo-protocols.loader';
import { DelegationPersistenceModule } from './delegation-persistence.module';
import { ProtocolsModule } from './protocols.module';
import { TaskBoardModule } from './task-board.module';
import { TeamCopyModule } from './team-copy.module';

/**
 * Adopted protocols, a month of delegated work played in the past and a morning's tasks for the demo practices
 * (`DELEGATION_DEMO_DATA=load`), into an empty service.
 */
@Module({})
export class DemoProtocolsModule {
  static forRoot(enabled: boolean): DynamicModule {
    const options: DemoProtocolsOptions = { enabled, pollMs: 2_000, giveUpMs: 5 * 60_000 };
    return {
      module: DemoProtocolsModule,
      imports: [DelegationPersistenceModule, ProtocolsModule, TaskBoardModule, TeamCopyModule],
      providers: [{ provide: DEMO_PROTOCOLS_OPTIONS, useValue: options }, DemoMonthPlayer, DemoProtocolsLoader],
    };
  }
}
