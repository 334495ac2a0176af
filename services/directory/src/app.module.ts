import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformSubgraphModule } from '@msp/service-kit';
// Loaded first: GraphQL object types enter the schema in the order their files load, so the SDL stays as it was.
import { PatientsModule } from './modules/patients.module';
import type { DirectoryConfig } from './config/directory.config';
import { DIRECTORY_ENTITIES } from './infrastructure/entities';
import { DIRECTORY_MIGRATIONS } from './infrastructure/migrations';
import { ConcertationModule } from './modules/concertation.module';
import { DemoDataModule } from './modules/demo-data.module';
import { DirectoryImportModule } from './modules/directory-import.module';
import { ExternalIdentityModule } from './modules/external-identity.module';
import { IdentityModule } from './modules/identity.module';
import { MembersModule } from './modules/members.module';
import { OnlineBookingModule } from './modules/online-booking.module';
import { SitesModule } from './modules/sites.module';
import { StructuresModule } from './modules/structures.module';

export const SERVICE_NAME = 'directory';

/** The directory service: the platform's building blocks, then one module per capability. */
@Module({})
export class AppModule {
  static forRoot(config: DirectoryConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformSubgraphModule.forRoot({
          serviceName: SERVICE_NAME,
          databaseUrl: config.databaseUrl,
          entities: DIRECTORY_ENTITIES,
          migrations: DIRECTORY_MIGRATIONS,
          kafkaBrokers: config.kafkaBrokers,
          trust: config.trust,
        }),
        StructuresModule,
        SitesModule,
        MembersModule,
        PatientsModule,
        IdentityModule,
        OnlineBookingModule,
        ConcertationModule,
        DirectoryImportModule,
        ExternalIdentityModule,
        DemoDataModule.forRoot(config.loadDemoData),
      ],
    };
  }
}
