import { MemberEntity } from './member.entity';
import { MembershipEntity } from './membership.entity';
import { PatientAccessLogEntity } from './patient-access-log.entity';
import { PatientEntity } from './patient.entity';
import { SiteEntity } from './site.entity';
import { StructureEntity } from './structure.entity';

export const DIRECTORY_ENTITIES = [StructureEntity, SiteEntity, MemberEntity, MembershipEntity, PatientEntity, PatientAccessLogEntity];
export { MemberEntity, MembershipEntity, PatientAccessLogEntity, PatientEntity, SiteEntity, StructureEntity };
export type { StructureKind } from './structure.entity';
