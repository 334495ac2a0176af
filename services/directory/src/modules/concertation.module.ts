import { Module } from '@nestjs/common';
import { ConcertationPopulationQuery } from '../application/concertation/concertation-population.query';
import { PatientIdentitiesQuery } from '../application/concertation/patient-identities.query';
import { ConcertationInternalController } from '../interface/internal/concertation-internal.controller';
import { DirectoryPersistenceModule } from './directory-persistence.module';
import { PatientsModule } from './patients.module';

/**
 * What coordination asks (COO-7): the ACI concertation population (counts and opaque ids per GP) and the identities
 * a minutes export may show to an entitled member.
 */
@Module({
  imports: [DirectoryPersistenceModule, PatientsModule],
  controllers: [ConcertationInternalController],
  providers: [ConcertationPopulationQuery, PatientIdentitiesQuery],
})
export class ConcertationModule {}
