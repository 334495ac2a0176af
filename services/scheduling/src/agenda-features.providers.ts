import type { Provider } from '@nestjs/common';
import { AgendaViewQuery } from './application/agenda-views/agenda-view.query';
import { MemberAgendaQuery } from './application/agenda-views/member-agenda.query';
import { SiteOpeningRangesQuery } from './application/agenda-views/site-opening-ranges.query';
import { FreeBusyQuery } from './application/free-busy/free-busy.query';
import { AppointmentStepRunner } from './application/lifecycle/appointment-step.runner';
import { CompleteAppointmentHandler } from './application/lifecycle/complete-appointment.handler';
import { MarkArrivedHandler } from './application/lifecycle/mark-arrived.handler';
import { MarkNoShowHandler } from './application/lifecycle/mark-no-show.handler';
import { StartConsultationHandler } from './application/lifecycle/start-consultation.handler';
import { RescheduleAppointmentHandler } from './application/rescheduling/reschedule-appointment.handler';
import type { SchedulingConfig } from './config/scheduling.config';
import { DEMO_AGENDA_OPTIONS, DemoAgendaLoader, type DemoAgendaOptions } from './demo/demo-agenda.loader';
import { AgendaViewRepository } from './infrastructure/repositories/agenda-view.repository';
import { AppointmentMoveRepository } from './infrastructure/repositories/appointment-move.repository';
import { TeamSnapshotRepository } from './infrastructure/repositories/team-snapshot.repository';
import { AgendaViewResolver } from './interface/graphql/resolvers/agenda-view.resolver';
import { AppointmentLifecycleResolver } from './interface/graphql/resolvers/appointment-lifecycle.resolver';
import { AppointmentPatientResolver } from './interface/graphql/resolvers/appointment-patient.resolver';
import { MemberAgendaResolver } from './interface/graphql/resolvers/member-agenda.resolver';
import { PatientAppointmentsResolver } from './interface/graphql/resolvers/patient-appointments.resolver';
import { SiteOpeningRangesResolver } from './interface/graphql/resolvers/site-opening-ranges.resolver';

/**
 * Appointment lifecycle (SCH-6), shared views (SCH-7), federated agenda fields (SCH-11), free/busy, demo agendas:
 * their providers, spread into AppModule's (they use its repositories, clock and handlers).
 */
export function agendaFeatureProviders(config: SchedulingConfig): Provider[] {
  const demo: DemoAgendaOptions = { enabled: config.loadDemoData, pollMs: 3_000, giveUpMs: 5 * 60_000 };
  return [
    AgendaViewRepository,
    AppointmentMoveRepository,
    TeamSnapshotRepository,
    AppointmentStepRunner,
    MarkArrivedHandler,
    StartConsultationHandler,
    CompleteAppointmentHandler,
    MarkNoShowHandler,
    RescheduleAppointmentHandler,
    AgendaViewQuery,
    MemberAgendaQuery,
    SiteOpeningRangesQuery,
    FreeBusyQuery,
    AppointmentLifecycleResolver,
    AgendaViewResolver,
    MemberAgendaResolver,
    PatientAppointmentsResolver,
    SiteOpeningRangesResolver,
    AppointmentPatientResolver,
    { provide: DEMO_AGENDA_OPTIONS, useValue: demo },
    DemoAgendaLoader,
  ];
}
