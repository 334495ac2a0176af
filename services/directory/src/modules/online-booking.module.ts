import { Module } from '@nestjs/common';
import { DiscardRegistrationRequestHandler } from '../application/online/discard-registration-request.handler';
import { OpenRegistrationRequestHandler } from '../application/online/open-registration-request.handler';
import { PatientMatchQuery } from '../application/online/patient-match.query';
import { PracticeProfileQuery } from '../application/online/practice-profile.query';
import { RegisterFromRequestHandler } from '../application/online/register-from-request.handler';
import { SiteSummaryQuery } from '../application/online/site-summary.query';
import { OnlineBookingInternalController } from '../interface/internal/online-booking-internal.controller';
import { DirectoryPersistenceModule } from './directory-persistence.module';
import { PatientsModule } from './patients.module';

/** What scheduling's public booking page asks: patient match, registration requests, a site's public summary, the practice's public profile. */
@Module({
  imports: [DirectoryPersistenceModule, PatientsModule],
  controllers: [OnlineBookingInternalController],
  providers: [
    PatientMatchQuery,
    OpenRegistrationRequestHandler,
    RegisterFromRequestHandler,
    DiscardRegistrationRequestHandler,
    SiteSummaryQuery,
    PracticeProfileQuery,
  ],
})
export class OnlineBookingModule {}
