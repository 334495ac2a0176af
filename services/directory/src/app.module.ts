import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformSubgraphModule } from '@msp/service-kit';
// Loaded first: GraphQL object types enter the schema in the order their files load, so the SDL stays as it was.
import { PatientsModule } from './modules/patients.module';
import type { DirectoryConfig } from './config/directory.config';
import { DIRECTORY_ENTITIES } from './infrastructure/entities';
import { DirectorySchema1763900001000 } from './infrastructure/migrations/1763900001000-directory-schema';
import { PatientRegistrationRequest1763900002000 } from './infrastructure/migrations/1763900002000-patient-registration-request';
import { AccessLogByMember1763900003000 } from './infrastructure/migrations/1763900003000-access-log-by-member';
import { PatientAld1763900004000 } from './infrastructure/migrations/1763900004000-patient-ald';
import { AccessLogOfServiceReads1763900005000 } from './infrastructure/migrations/1763900005000-access-log-of-service-reads';
import { ConcertationModule } from './modules/concertation.module';
import { DemoDataModule } from './modules/demo-data.module';
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
          migrations: [
            DirectorySchema1763900001000,
            PatientRegistrationRequest1763900002000,
            AccessLogByMember1763900003000,
            PatientAld1763900004000,
            AccessLogOfServiceReads1763900005000,
          ],
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
        DemoDataModule.forRoot(config.loadDemoData),
      ],
    };
  }
}
