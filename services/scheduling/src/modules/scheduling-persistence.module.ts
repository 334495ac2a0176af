import { Module } from '@nestjs/common';
import { AgendaViewRepository } from '../infrastructure/repositories/agenda-view.repository';
import { AgendaRepository } from '../infrastructure/repositories/agenda.repository';
import { AppointmentMoveRepository } from '../infrastructure/repositories/appointment-move.repository';
import { AppointmentRepository } from '../infrastructure/repositories/appointment.repository';
import { IcalFeedRepository } from '../infrastructure/repositories/ical-feed.repository';
import { NoShowRepository } from '../infrastructure/repositories/no-show.repository';
import { OnlineBookingRequestRepository } from '../infrastructure/repositories/online-booking-request.repository';
import { PublicAgendaRepository } from '../infrastructure/repositories/public-agenda.repository';
import { ReminderRepository } from '../infrastructure/repositories/reminder.repository';
import { SnpRepository } from '../infrastructure/repositories/snp.repository';
import { TeamSnapshotRepository } from '../infrastructure/repositories/team-snapshot.repository';
import { WaitlistRepository } from '../infrastructure/repositories/waitlist.repository';

const REPOSITORIES = [
  AgendaRepository,
  AppointmentRepository,
  AppointmentMoveRepository,
  AgendaViewRepository,
  TeamSnapshotRepository,
  PublicAgendaRepository,
  OnlineBookingRequestRepository,
  SnpRepository,
  ReminderRepository,
  NoShowRepository,
  WaitlistRepository,
  IcalFeedRepository,
];

/** Scheduling's repositories over its own database, shared by the feature modules. */
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class SchedulingPersistenceModule {}
