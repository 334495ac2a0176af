import { MemberRepository } from '../../application/ports/member.repository';
import { MembershipRepository } from '../../application/ports/membership.repository';
import { PatientAccessLogRepository } from '../../application/ports/patient-access-log.repository';
import { PatientRegistrationRequestRepository } from '../../application/ports/patient-registration-request.repository';
import { PatientRepository } from '../../application/ports/patient.repository';
import { SiteRepository } from '../../application/ports/site.repository';
import { StructureRepository } from '../../application/ports/structure.repository';
import { TypeOrmMemberRepository } from './typeorm-member.repository';
import { TypeOrmMembershipRepository } from './typeorm-membership.repository';
import { TypeOrmPatientAccessLogRepository } from './typeorm-patient-access-log.repository';
import { TypeOrmPatientRegistrationRequestRepository } from './typeorm-patient-registration-request.repository';
import { TypeOrmPatientRepository } from './typeorm-patient.repository';
import { TypeOrmSiteRepository } from './typeorm-site.repository';
import { TypeOrmStructureRepository } from './typeorm-structure.repository';

/** Each repository port of the directory bound to its PostgreSQL implementation. */
export const DIRECTORY_REPOSITORIES = [
  { provide: StructureRepository, useClass: TypeOrmStructureRepository },
  { provide: SiteRepository, useClass: TypeOrmSiteRepository },
  { provide: MemberRepository, useClass: TypeOrmMemberRepository },
  { provide: MembershipRepository, useClass: TypeOrmMembershipRepository },
  { provide: PatientRepository, useClass: TypeOrmPatientRepository },
  { provide: PatientAccessLogRepository, useClass: TypeOrmPatientAccessLogRepository },
  { provide: PatientRegistrationRequestRepository, useClass: TypeOrmPatientRegistrationRequestRepository },
];
