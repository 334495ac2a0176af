import { Module, type Provider } from '@nestjs/common';
import { AbsenceRepository } from '../application/ports/absence.repository';
import { AgendaViewRepository } from '../application/ports/agenda-view.repository';
import { AgendaRepository } from '../application/ports/agenda.repository';
import { AppointmentRepository } from '../application/ports/appointment.repository';
import { DirectoryCopyRepository } from '../application/ports/directory-copy.repository';
import { IcalFeedRepository } from '../application/ports/ical-feed.repository';
import { MeetingBlockRepository } from '../application/ports/meeting-block.repository';
import { NoShowRepository } from '../application/ports/no-show.repository';
import { OnlineBookingRequestRepository } from '../application/ports/online-booking-request.repository';
import { OpeningRangeChangesRepository } from '../application/ports/opening-range-changes.repository';
import { PublicAgendaRepository } from '../application/ports/public-agenda.repository';
import { PatientMessageTemplateRepository } from '../application/ports/patient-message-template.repository';
import { ReminderRepository } from '../application/ports/reminder.repository';
import { RoomRepository } from '../application/ports/room.repository';
import { Savepoints } from '../application/ports/savepoints';
import { SiteTravelRepository } from '../application/ports/site-travel.repository';
import { SnpRepository } from '../application/ports/snp.repository';
import { WaitlistRepository } from '../application/ports/waitlist.repository';
import { TypeOrmAbsenceRepository } from '../infrastructure/repositories/typeorm-absence.repository';
import { TypeOrmAgendaViewRepository } from '../infrastructure/repositories/typeorm-agenda-view.repository';
import { TypeOrmAgendaRepository } from '../infrastructure/repositories/typeorm-agenda.repository';
import { TypeOrmAppointmentRepository } from '../infrastructure/repositories/typeorm-appointment.repository';
import { TypeOrmDirectoryCopyRepository } from '../infrastructure/repositories/typeorm-directory-copy.repository';
import { TypeOrmIcalFeedRepository } from '../infrastructure/repositories/typeorm-ical-feed.repository';
import { TypeOrmMeetingBlockRepository } from '../infrastructure/repositories/typeorm-meeting-block.repository';
import { TypeOrmNoShowRepository } from '../infrastructure/repositories/typeorm-no-show.repository';
import { TypeOrmOnlineBookingRequestRepository } from '../infrastructure/repositories/typeorm-online-booking-request.repository';
import { TypeOrmOpeningRangeChangesRepository } from '../infrastructure/repositories/typeorm-opening-range-changes.repository';
import { PostgresSavepoints } from '../infrastructure/repositories/postgres-savepoints';
import { TypeOrmPublicAgendaRepository } from '../infrastructure/repositories/typeorm-public-agenda.repository';
import { TypeOrmPatientMessageTemplateRepository } from '../infrastructure/repositories/typeorm-patient-message-template.repository';
import { TypeOrmReminderRepository } from '../infrastructure/repositories/typeorm-reminder.repository';
import { TypeOrmRoomRepository } from '../infrastructure/repositories/typeorm-room.repository';
import { TypeOrmSiteTravelRepository } from '../infrastructure/repositories/typeorm-site-travel.repository';
import { TypeOrmSnpRepository } from '../infrastructure/repositories/typeorm-snp.repository';
import { TeamSnapshotRepository } from '../infrastructure/repositories/team-snapshot.repository';
import { DemoMonthRepository } from '../infrastructure/repositories/demo-month.repository';
import { TypeOrmWaitlistRepository } from '../infrastructure/repositories/typeorm-waitlist.repository';

/** Each repository port of the application, bound to its PostgreSQL implementation. */
const PORTS: Provider[] = [
  { provide: AgendaRepository, useClass: TypeOrmAgendaRepository },
  { provide: AppointmentRepository, useClass: TypeOrmAppointmentRepository },
  { provide: AbsenceRepository, useClass: TypeOrmAbsenceRepository },
  { provide: AgendaViewRepository, useClass: TypeOrmAgendaViewRepository },
  { provide: DirectoryCopyRepository, useClass: TypeOrmDirectoryCopyRepository },
  { provide: PublicAgendaRepository, useClass: TypeOrmPublicAgendaRepository },
  { provide: OnlineBookingRequestRepository, useClass: TypeOrmOnlineBookingRequestRepository },
  { provide: SnpRepository, useClass: TypeOrmSnpRepository },
  { provide: ReminderRepository, useClass: TypeOrmReminderRepository },
  { provide: PatientMessageTemplateRepository, useClass: TypeOrmPatientMessageTemplateRepository },
  { provide: NoShowRepository, useClass: TypeOrmNoShowRepository },
  { provide: WaitlistRepository, useClass: TypeOrmWaitlistRepository },
  { provide: IcalFeedRepository, useClass: TypeOrmIcalFeedRepository },
  { provide: MeetingBlockRepository, useClass: TypeOrmMeetingBlockRepository },
  { provide: Savepoints, useClass: PostgresSavepoints },
  { provide: OpeningRangeChangesRepository, useClass: TypeOrmOpeningRangeChangesRepository },
  { provide: RoomRepository, useClass: TypeOrmRoomRepository },
  { provide: SiteTravelRepository, useClass: TypeOrmSiteTravelRepository },
  // The demo loaders' view of the projection and of the demo month (wiring code, not application ports).
  TeamSnapshotRepository,
  DemoMonthRepository,
];

/** Scheduling's repositories over its own database, shared by the feature modules. */
@Module({ providers: PORTS, exports: PORTS.map((p) => ('provide' in p ? p.provide : p)) })
export class SchedulingPersistenceModule {}
