import { type DynamicModule, Module } from '@nestjs/common';
import { ManageLinesHandler } from '../application/lines/manage-lines.handler';
import { SiteCallSettingsHandler } from '../application/settings/site-call-settings.handler';
import { DEMO_LINES_OPTIONS, DemoLinesLoader } from '../demo/demo-lines.loader';
import { CallRoutingPersistenceModule } from './call-routing-persistence.module';

/** Lines and phone-booking motifs for the demo practices (`CALL_ROUTING_DEMO_DATA=load`), once, into an empty service. */
@Module({})
export class DemoLinesModule {
  static forRoot(enabled: boolean): DynamicModule {
    return {
      module: DemoLinesModule,
      imports: [CallRoutingPersistenceModule],
      providers: [
        { provide: DEMO_LINES_OPTIONS, useValue: { enabled, pollMs: 2_000, giveUpMs: 5 * 60_000 } },
        ManageLinesHandler,
        SiteCallSettingsHandler,
        DemoLinesLoader,
      ],
    };
  }
}
