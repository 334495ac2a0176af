import { MemberEntity } from './member.entity';
import { MembershipEntity } from './membership.entity';
import { PatientAccessLogEntity } from './patient-access-log.entity';
import { PatientEntity } from './patient.entity';
import { PatientRegistrationRequestEntity } from './patient-registration-request.entity';
import { SiteEntity } from './site.entity';
import { StructureEntity } from './structure.entity';

export const DIRECTORY_ENTITIES = [
  StructureEntity,
  SiteEntity,
  MemberEntity,
  MembershipEntity,
  PatientEntity,
  PatientAccessLogEntity,
  PatientRegistrationRequestEntity,
];
export {
  MemberEntity,
  MembershipEntity,
  PatientAccessLogEntity,
  PatientEntity,
  PatientRegistrationRequestEntity,
  SiteEntity,
  StructureEntity,
};
