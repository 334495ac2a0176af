import { Module } from '@nestjs/common';
import { SimulateCallQuery } from '../application/simulator/simulate-call.query';
import { SimulatorResolver } from '../interface/graphql/resolvers/simulator.resolver';
import { CallHandlingModule } from './call-handling.module';
import { CallRoutingPersistenceModule } from './call-routing-persistence.module';

/** "This caller, now, for this → this happens, because rule 3" (CAL-4). */
@Module({
  imports: [CallRoutingPersistenceModule, CallHandlingModule],
  providers: [SimulateCallQuery, SimulatorResolver],
})
export class SimulatorModule {}
