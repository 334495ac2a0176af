import { type DynamicModule, Module } from '@nestjs/common';
import { DEMO_DATA_ENABLED, DemoDataLoader } from '../demo/demo-data.loader';
import { MembersModule } from './members.module';
import { PatientsModule } from './patients.module';
import { SitesModule } from './sites.module';
import { StructuresModule } from './structures.module';

/** The demo directory (structures, sites, team, patients), loaded through the handlers when enabled. */
@Module({})
export class DemoDataModule {
  static forRoot(enabled: boolean): DynamicModule {
    return {
      module: DemoDataModule,
      imports: [StructuresModule, SitesModule, MembersModule, PatientsModule],
      providers: [{ provide: DEMO_DATA_ENABLED, useValue: enabled }, DemoDataLoader],
    };
  }
}
