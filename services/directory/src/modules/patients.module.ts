import { Module } from '@nestjs/common';
import { PatientAccessLogger } from '../application/patients/patient-access-logger';
import { PatientContactQuery } from '../application/patients/patient-contact.query';
import { PatientMembershipQuery } from '../application/patients/patient-membership.query';
import { PatientReader } from '../application/patients/patient-reader';
import { RegisterPatientHandler } from '../application/patients/register-patient.handler';
import { SetPatientAldHandler } from '../application/patients/set-patient-ald.handler';
import { UpdatePatientHandler } from '../application/patients/update-patient.handler';
import { AccessLogReader } from '../application/reads/access-log-reader';
import { AccessEntryResolver } from '../interface/graphql/resolvers/access-entry.resolver';
import { PatientResolver } from '../interface/graphql/resolvers/patient.resolver';
import { PatientContactInternalController } from '../interface/internal/patient-contact-internal.controller';
import { PatientMembershipInternalController } from '../interface/internal/patient-membership-internal.controller';
import { DirectoryPersistenceModule } from './directory-persistence.module';
import { DirectoryReadsModule } from './directory-reads.module';

/**
 * A structure's patients: registering, updating and reading them, their ALD flag, the access log every read and write leaves, and
 * the internal check scheduling makes before booking, holding or waitlisting a patient id, and the contact it sends
 * reminders and waitlist offers to.
 */
@Module({
  imports: [DirectoryPersistenceModule, DirectoryReadsModule],
  controllers: [PatientMembershipInternalController, PatientContactInternalController],
  providers: [
    PatientReader,
    PatientAccessLogger,
    AccessLogReader,
    RegisterPatientHandler,
    UpdatePatientHandler,
    SetPatientAldHandler,
    PatientMembershipQuery,
    PatientContactQuery,
    PatientResolver,
    AccessEntryResolver,
  ],
  exports: [PatientAccessLogger, RegisterPatientHandler, SetPatientAldHandler],
})
export class PatientsModule {}
