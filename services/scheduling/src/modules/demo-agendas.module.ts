import { type DynamicModule, Module } from '@nestjs/common';
import { DEMO_AGENDA_OPTIONS, DemoAgendaLoader, type DemoAgendaOptions } from '../demo/demo-agenda.loader';
import { MotifsModule } from './motifs.module';
import { OpeningRangesModule } from './opening-ranges.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** Standard motifs and weekly ranges for the demo structures (`SCHEDULING_DEMO_DATA=load`). */
@Module({})
export class DemoAgendasModule {
  static forRoot(enabled: boolean): DynamicModule {
    const options: DemoAgendaOptions = { enabled, pollMs: 3_000, giveUpMs: 5 * 60_000 };
    return {
      module: DemoAgendasModule,
      imports: [SchedulingPersistenceModule, MotifsModule, OpeningRangesModule],
      providers: [{ provide: DEMO_AGENDA_OPTIONS, useValue: options }, DemoAgendaLoader],
    };
  }
}
