import { Module, type Provider } from '@nestjs/common';
import { Clock } from '@msp/service-kit';
import { IdentityLinkRepository } from '../application/ports/identity-link.repository';
import { MemberRepository } from '../application/ports/member.repository';
import { MembershipRepository } from '../application/ports/membership.repository';
import { PatientAccessLogRepository } from '../application/ports/patient-access-log.repository';
import { PatientRegistrationRequestRepository } from '../application/ports/patient-registration-request.repository';
import { PatientRepository } from '../application/ports/patient.repository';
import { SiteRepository } from '../application/ports/site.repository';
import { StructureRepository } from '../application/ports/structure.repository';
import { TypeOrmIdentityLinkRepository } from '../infrastructure/repositories/typeorm-identity-link.repository';
import { TypeOrmMemberRepository } from '../infrastructure/repositories/typeorm-member.repository';
import { TypeOrmMembershipRepository } from '../infrastructure/repositories/typeorm-membership.repository';
import { TypeOrmPatientAccessLogRepository } from '../infrastructure/repositories/typeorm-patient-access-log.repository';
import { TypeOrmPatientRegistrationRequestRepository } from '../infrastructure/repositories/typeorm-patient-registration-request.repository';
import { TypeOrmPatientRepository } from '../infrastructure/repositories/typeorm-patient.repository';
import { TypeOrmSiteRepository } from '../infrastructure/repositories/typeorm-site.repository';
import { TypeOrmStructureRepository } from '../infrastructure/repositories/typeorm-structure.repository';

/** Each repository port of the directory bound to its PostgreSQL implementation, and the one clock. */
const PORTS: Provider[] = [
  { provide: StructureRepository, useClass: TypeOrmStructureRepository },
  { provide: SiteRepository, useClass: TypeOrmSiteRepository },
  { provide: MemberRepository, useClass: TypeOrmMemberRepository },
  { provide: MembershipRepository, useClass: TypeOrmMembershipRepository },
  { provide: PatientRepository, useClass: TypeOrmPatientRepository },
  { provide: PatientAccessLogRepository, useClass: TypeOrmPatientAccessLogRepository },
  { provide: PatientRegistrationRequestRepository, useClass: TypeOrmPatientRegistrationRequestRepository },
  { provide: IdentityLinkRepository, useClass: TypeOrmIdentityLinkRepository },
  // Every handler stamps its writes with it: provided once, here, beside the repositories they write through.
  Clock,
];

/** The directory's repositories over its own database, shared by the feature modules. */
@Module({ providers: PORTS, exports: PORTS.map((p) => ('provide' in p ? p.provide : p)) })
export class DirectoryPersistenceModule {}
