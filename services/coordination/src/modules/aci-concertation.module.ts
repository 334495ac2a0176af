import { Module } from '@nestjs/common';
import { AciConcertationQuery } from '../application/aci/aci-concertation.query';
import { ConcertationPopulation } from '../application/ports/concertation-population.port';
import { HttpConcertationPopulation } from '../infrastructure/clients/http-concertation-population';
import { AciResolver } from '../interface/graphql/resolvers/aci.resolver';
import { CoordinationPersistenceModule } from './coordination-persistence.module';

/** COO-7: the ACI concertation check and the eligible patients proposed for the next agendas. */
@Module({
  imports: [CoordinationPersistenceModule],
  providers: [
    AciConcertationQuery,
    { provide: ConcertationPopulation, useClass: HttpConcertationPopulation },
    AciResolver,
  ],
  // The demo month chooses its cases as a coordinator would: from the eligible patients proposed.
  exports: [AciConcertationQuery],
})
export class AciConcertationModule {}
