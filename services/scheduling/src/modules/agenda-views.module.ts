import { Module } from '@nestjs/common';
import { AgendaViewQuery } from '../application/agenda-views/agenda-view.query';
import { MemberAgendaQuery } from '../application/agenda-views/member-agenda.query';
import { AgendaViewResolver } from '../interface/graphql/resolvers/agenda-view.resolver';
import { MemberAgendaResolver } from '../interface/graphql/resolvers/member-agenda.resolver';
import { PatientAppointmentsResolver } from '../interface/graphql/resolvers/patient-appointments.resolver';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** The shared day and week views (SCH-7) and the agenda fields of the directory's Member and Patient (GW-1). */
@Module({
  imports: [SchedulingPersistenceModule],
  providers: [
    AgendaViewQuery,
    MemberAgendaQuery,
    AgendaViewResolver,
    MemberAgendaResolver,
    PatientAppointmentsResolver,
  ],
})
export class AgendaViewsModule {}
