import { type DynamicModule, Module } from '@nestjs/common';
import { DEMO_PROTOCOLS_OPTIONS, DemoProtocolsLoader, type DemoProtocolsOptions } from '../demo/demo-protocols.loader';
import { DelegationPersistenceModule } from './delegation-persistence.module';
import { ProtocolsModule } from './protocols.module';
import { TaskBoardModule } from './task-board.module';

/** Adopted protocols and a morning's tasks for the demo practices (`DELEGATION_DEMO_DATA=load`), into an empty service. */
@Module({})
export class DemoProtocolsModule {
  static forRoot(enabled: boolean): DynamicModule {
    const options: DemoProtocolsOptions = { enabled, pollMs: 2_000, giveUpMs: 5 * 60_000 };
    return {
      module: DemoProtocolsModule,
      imports: [DelegationPersistenceModule, ProtocolsModule, TaskBoardModule],
      providers: [{ provide: DEMO_PROTOCOLS_OPTIONS, useValue: options }, DemoProtocolsLoader],
    };
  }
}
