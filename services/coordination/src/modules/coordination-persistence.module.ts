import { type ClassProvider, Module } from '@nestjs/common';
import { MeetingRepository } from '../application/ports/meeting.repository';
import { MeetingSeriesRepository } from '../application/ports/meeting-series.repository';
import { NotificationRepository } from '../application/ports/notification.repository';
import { TeamRepository } from '../application/ports/team.repository';
import { TypeOrmMeetingRepository } from '../infrastructure/repositories/typeorm-meeting.repository';
import { TypeOrmMeetingSeriesRepository } from '../infrastructure/repositories/typeorm-meeting-series.repository';
import { TypeOrmNotificationRepository } from '../infrastructure/repositories/typeorm-notification.repository';
import { TypeOrmTeamRepository } from '../infrastructure/repositories/typeorm-team.repository';

/** Each repository port of the application, bound to its PostgreSQL implementation. */
const PORTS: ClassProvider[] = [
  { provide: TeamRepository, useClass: TypeOrmTeamRepository },
  { provide: MeetingRepository, useClass: TypeOrmMeetingRepository },
  { provide: NotificationRepository, useClass: TypeOrmNotificationRepository },
  { provide: MeetingSeriesRepository, useClass: TypeOrmMeetingSeriesRepository },
];

/** Coordination's repositories over its own database, shared by the feature modules. */
@Module({ providers: PORTS, exports: PORTS.map((p) => p.provide) })
export class CoordinationPersistenceModule {}
