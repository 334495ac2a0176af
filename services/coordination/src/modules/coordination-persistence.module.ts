import { type ClassProvider, Module } from '@nestjs/common';
import { ConcertationRepository } from '../application/ports/concertation.repository';
import { MeetingRepository } from '../application/ports/meeting.repository';
import { MeetingSeriesRepository } from '../application/ports/meeting-series.repository';
import { MinutesRepository } from '../application/ports/minutes.repository';
import { NotificationRepository } from '../application/ports/notification.repository';
import { PluriprofessionalRules } from '../application/ports/pluriprofessional-rules.repository';
import { TeamRepository } from '../application/ports/team.repository';
import { TypeOrmConcertationRepository } from '../infrastructure/repositories/typeorm-concertation.repository';
import { TypeOrmMeetingRepository } from '../infrastructure/repositories/typeorm-meeting.repository';
import { TypeOrmMeetingSeriesRepository } from '../infrastructure/repositories/typeorm-meeting-series.repository';
import { TypeOrmMinutesRepository } from '../infrastructure/repositories/typeorm-minutes.repository';
import { TypeOrmNotificationRepository } from '../infrastructure/repositories/typeorm-notification.repository';
import { TypeOrmPluriprofessionalRules } from '../infrastructure/repositories/typeorm-pluriprofessional-rules.repository';
import { TypeOrmTeamRepository } from '../infrastructure/repositories/typeorm-team.repository';

/** Each repository port of the application, bound to its PostgreSQL implementation. */
const PORTS: ClassProvider[] = [
  { provide: TeamRepository, useClass: TypeOrmTeamRepository },
  { provide: MeetingRepository, useClass: TypeOrmMeetingRepository },
  { provide: NotificationRepository, useClass: TypeOrmNotificationRepository },
  { provide: MeetingSeriesRepository, useClass: TypeOrmMeetingSeriesRepository },
  { provide: MinutesRepository, useClass: TypeOrmMinutesRepository },
  { provide: PluriprofessionalRules, useClass: TypeOrmPluriprofessionalRules },
  { provide: ConcertationRepository, useClass: TypeOrmConcertationRepository },
];

/** Coordination's repositories over its own database, shared by the feature modules. */
@Module({ providers: PORTS, exports: PORTS.map((p) => p.provide) })
export class CoordinationPersistenceModule {}
