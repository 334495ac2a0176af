import { type DynamicModule, Module } from '@nestjs/common';
import { Clock, PlatformSubgraphModule } from '@msp/service-kit';
import { CallerLookupQuery } from './application/identity/caller-lookup.query';
import { MemberContextQuery } from './application/identity/member-context.query';
import { TeamSnapshotQuery } from './application/identity/team-snapshot.query';
import { PatientMatchQuery } from './application/online/patient-match.query';
import { PatientMembershipQuery } from './application/patients/patient-membership.query';
import { DiscardRegistrationRequestHandler } from './application/online/discard-registration-request.handler';
import { OpenRegistrationRequestHandler } from './application/online/open-registration-request.handler';
import { RegisterFromRequestHandler } from './application/online/register-from-request.handler';
import { SiteSummaryQuery } from './application/online/site-summary.query';
import { AddMemberHandler } from './application/members/add-member.handler';
import { RemoveMemberHandler } from './application/members/remove-member.handler';
import { UpdateMemberHandler } from './application/members/update-member.handler';
import { PatientAccessLogger } from './application/patients/patient-access-logger';
import { PatientReader } from './application/patients/patient-reader';
import { RegisterPatientHandler } from './application/patients/register-patient.handler';
import { UpdatePatientHandler } from './application/patients/update-patient.handler';
import { AccessLogReader } from './application/reads/access-log-reader';
import { DirectoryReader } from './application/reads/directory-reader';
import { CreateStructureHandler } from './application/structures/create-structure.handler';
import { ChangeSiteHoursHandler } from './application/sites/change-site-hours.handler';
import { OpenSiteHandler } from './application/sites/open-site.handler';
import type { DirectoryConfig } from './config/directory.config';
import { DEMO_DATA_ENABLED, DemoDataLoader } from './demo/demo-data.loader';
import { DIRECTORY_ENTITIES } from './infrastructure/entities';
import { DIRECTORY_REPOSITORIES } from './infrastructure/repositories';
import { DirectorySchema1763900001000 } from './infrastructure/migrations/1763900001000-directory-schema';
import { PatientRegistrationRequest1763900002000 } from './infrastructure/migrations/1763900002000-patient-registration-request';
import { AccessEntryResolver } from './interface/graphql/resolvers/access-entry.resolver';
import { MemberResolver } from './interface/graphql/resolvers/member.resolver';
import { MembershipResolver } from './interface/graphql/resolvers/membership.resolver';
import { PatientResolver } from './interface/graphql/resolvers/patient.resolver';
import { SiteResolver } from './interface/graphql/resolvers/site.resolver';
import { StructureResolver } from './interface/graphql/resolvers/structure.resolver';
import { IdentityInternalController } from './interface/internal/identity-internal.controller';
import { OnlineBookingInternalController } from './interface/internal/online-booking-internal.controller';
import { PatientMembershipInternalController } from './interface/internal/patient-membership-internal.controller';

export const SERVICE_NAME = 'directory';

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
          migrations: [DirectorySchema1763900001000, PatientRegistrationRequest1763900002000],
          kafkaBrokers: config.kafkaBrokers,
          trust: config.trust,
        }),
      ],
      controllers: [IdentityInternalController, OnlineBookingInternalController, PatientMembershipInternalController],
      providers: [
        Clock,
        ...DIRECTORY_REPOSITORIES,
        DirectoryReader,
        AccessLogReader,
        PatientReader,
        PatientAccessLogger,
        AddMemberHandler,
        UpdateMemberHandler,
        RemoveMemberHandler,
        OpenSiteHandler,
        CreateStructureHandler,
        ChangeSiteHoursHandler,
        RegisterPatientHandler,
        UpdatePatientHandler,
        MemberContextQuery,
        TeamSnapshotQuery,
        CallerLookupQuery,
        PatientMatchQuery,
        PatientMembershipQuery,
        OpenRegistrationRequestHandler,
        RegisterFromRequestHandler,
        DiscardRegistrationRequestHandler,
        SiteSummaryQuery,
        StructureResolver,
        SiteResolver,
        MemberResolver,
        MembershipResolver,
        PatientResolver,
        AccessEntryResolver,
        { provide: DEMO_DATA_ENABLED, useValue: config.loadDemoData },
        DemoDataLoader,
      ],
    };
  }
}
