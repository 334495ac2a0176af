import { DirectorySchema1763900001000 } from './1763900001000-directory-schema';
import { PatientRegistrationRequest1763900002000 } from './1763900002000-patient-registration-request';
import { AccessLogByMember1763900003000 } from './1763900003000-access-log-by-member';
import { PatientAld1763900004000 } from './1763900004000-patient-ald';
import { AccessLogOfServiceReads1763900005000 } from './1763900005000-access-log-of-service-reads';
import { IdentityLinks1765004001000 } from './1765004001000-identity-links';
import { StructureZoneAndPatientIns1765005001000 } from './1765005001000-structure-zone-and-patient-ins';

/** In order; the service and the operator's command apply the same list. */
export const DIRECTORY_MIGRATIONS = [
  DirectorySchema1763900001000,
  PatientRegistrationRequest1763900002000,
  AccessLogByMember1763900003000,
  PatientAld1763900004000,
  AccessLogOfServiceReads1763900005000,
  IdentityLinks1765004001000,
  StructureZoneAndPatientIns1765005001000,
];
