import { type DynamicModule, Module } from '@nestjs/common';
import { Clock, PlatformSubgraphModule } from '@msp/service-kit';
import { TOPICS } from '@msp/contracts';
import {
  PATIENT_SERVICES_CONTROLLERS,
  PATIENT_SERVICES_MIGRATIONS,
  patientServicesImports,
  patientServicesProviders,
} from './patient-services.providers';
import { agendaFeatureProviders } from './agenda-features.providers';
import { DeclareAbsenceHandler } from './application/absences/declare-absence.handler';
import { EndAbsenceHandler } from './application/absences/end-absence.handler';
import { BookAppointmentHandler } from './application/booking/book-appointment.handler';
import { BookingContextLoader } from './application/booking/booking-context.loader';
import { CancelAppointmentHandler } from './application/booking/cancel-appointment.handler';
import { ConfirmHoldHandler } from './application/booking/confirm-hold.handler';
import { HoldSlotHandler } from './application/booking/hold-slot.handler';
import { HoldSweeper } from './application/booking/hold-sweeper';
import { SlotReservation } from './application/booking/slot-reservation';
import { CreateMotifHandler } from './application/motifs/create-motif.handler';
import { DefineOpeningRangeHandler } from './application/opening-ranges/define-opening-range.handler';
import { DirectoryCopyRebuilder } from './application/projections/directory-copy.rebuilder';
import { DirectoryProjection } from './application/projections/directory-projection';
import { AgendaReader } from './application/reads/agenda-reader';
import { SCHEDULING_SETTINGS } from './application/scheduling-settings';
import { FindFreeSlotsQuery } from './application/slots/find-free-slots.query';
import type { SchedulingConfig } from './config/scheduling.config';
import { SCHEDULING_ENTITIES } from './infrastructure/entities';
import { SchedulingSchema1764000001000 } from './infrastructure/migrations/1764000001000-scheduling-schema';
import { AgendaRepository } from './infrastructure/repositories/agenda.repository';
import { AppointmentRepository } from './infrastructure/repositories/appointment.repository';
import { AppointmentResolver } from './interface/graphql/resolvers/appointment.resolver';
import { MotifResolver } from './interface/graphql/resolvers/motif.resolver';
import { OpeningRangeResolver } from './interface/graphql/resolvers/opening-range.resolver';
import { AgendaInternalController } from './interface/internal/agenda-internal.controller';
import { FreeBusyInternalController } from './interface/internal/free-busy-internal.controller';

export const SERVICE_NAME = 'scheduling';

@Module({})
export class AppModule {
  static forRoot(config: SchedulingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformSubgraphModule.forRoot({
          serviceName: SERVICE_NAME,
          databaseUrl: config.databaseUrl,
          entities: SCHEDULING_ENTITIES,
          migrations: [SchedulingSchema1764000001000, ...PATIENT_SERVICES_MIGRATIONS],
          kafkaBrokers: config.kafkaBrokers,
          // Its own topic too: reminders and the waitlist react to appointment events (once, through the inbox).
          subscribeTo: [TOPICS.directory, TOPICS.scheduling],
          consumerGroup: config.consumerGroup,
          userContextSecret: config.userContextSecret,
          internalServiceSecret: config.internalServiceSecret,
        }),
        ...patientServicesImports(config.patientServices),
      ],
      controllers: [AgendaInternalController, FreeBusyInternalController, ...PATIENT_SERVICES_CONTROLLERS],
      providers: [
        {
          provide: SCHEDULING_SETTINGS,
          useValue: { holdTtlSeconds: config.holdTtlSeconds, holdSweepSeconds: config.holdSweepSeconds },
        },
        Clock,
        AgendaRepository,
        AppointmentRepository,
        AgendaReader,
        BookingContextLoader,
        SlotReservation,
        CreateMotifHandler,
        DefineOpeningRangeHandler,
        DeclareAbsenceHandler,
        EndAbsenceHandler,
        FindFreeSlotsQuery,
        BookAppointmentHandler,
        HoldSlotHandler,
        ConfirmHoldHandler,
        CancelAppointmentHandler,
        HoldSweeper,
        DirectoryProjection,
        DirectoryCopyRebuilder,
        MotifResolver,
        OpeningRangeResolver,
        AppointmentResolver,
        ...agendaFeatureProviders(config),
        ...patientServicesProviders(config.patientServices),
      ],
    };
  }
}
