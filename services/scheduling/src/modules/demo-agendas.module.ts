import { type DynamicModule, Module } from '@nestjs/common';
import { DEMO_AGENDA_OPTIONS, DemoAgendaLoader, type DemoAgendaOptions } from '../demo/demo-agenda.loader';
import { DEMO_MONTH_OPTIONS, DemoMonthPlayer, type DemoMonthOptions } from '../demo/demo-month.player';
import { AppointmentLifecycleModule } from './appointment-lifecycle.module';
import { BookingModule } from './booking.module';
import { MotifsModule } from './motifs.module';
import { OpeningRangesModule } from './opening-ranges.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/**
 * Standard motifs and weekly ranges for the demo structures, then their demo month of appointments
 * (`SCHEDULING_DEMO_DATA=load`).
 */
@Module({})
export class DemoAgendasModule {
  static forRoot(enabled: boolean): DynamicModule {
    const agendas: DemoAgendaOptions = { enabled, pollMs: 3_000, giveUpMs: 5 * 60_000 };
    // Longer: the directory registers its patients after its members, and the month waits for them.
    const month: DemoMonthOptions = { enabled, pollMs: 3_000, giveUpMs: 10 * 60_000 };
    return {
      module: DemoAgendasModule,
      imports: [
        SchedulingPersistenceModule,
        MotifsModule,
        OpeningRangesModule,
        BookingModule,
        AppointmentLifecycleModule,
      ],
      providers: [
        { provide: DEMO_AGENDA_OPTIONS, useValue: agendas },
        DemoAgendaLoader,
        { provide: DEMO_MONTH_OPTIONS, useValue: month },
        DemoMonthPlayer,
      ],
    };
  }
}
