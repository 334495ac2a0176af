import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { SimulateCallQuery } from '../../../application/simulator/simulate-call.query';
import { SimulateCallInput } from '../inputs/call-routing.inputs';
import { toDecisionType } from '../mappers/call-routing.mappers';
import { CallSimulationType } from '../types/call-routing.types';

@Resolver(() => CallSimulationType)
export class SimulatorResolver {
  constructor(private readonly simulator: SimulateCallQuery) {}

  @Query(() => CallSimulationType, {
    description: 'What would happen to this call now (or at `at`), and which rule would decide: nothing is recorded',
  })
  async simulateCall(@CurrentUser() user: UserContext, @Args('input') input: SimulateCallInput) {
    const simulation = await this.simulator.execute(user, input);
    return { intent: simulation.intent, urgent: simulation.urgent, decision: toDecisionType(simulation.decision) };
  }
}
