import { AppointmentEntity } from './appointment.entity';
import { MotifEntity } from './motif.entity';
import { OpeningRangeEntity } from './opening-range.entity';
import { ScheduleExceptionEntity } from './schedule-exception.entity';
import { SiteRefEntity } from './site-ref.entity';
import { TeamMemberEntity } from './team-member.entity';

export const SCHEDULING_ENTITIES = [
  MotifEntity,
  OpeningRangeEntity,
  ScheduleExceptionEntity,
  AppointmentEntity,
  SiteRefEntity,
  TeamMemberEntity,
];
export { AppointmentEntity, MotifEntity, OpeningRangeEntity, ScheduleExceptionEntity, SiteRefEntity, TeamMemberEntity };
