import { Body, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { AllowedCallers, InternalApiController } from '@msp/messaging';
import {
  ConcertationPopulationQuery,
  type ConcertationPopulationInput,
} from '../../application/concertation/concertation-population.query';
import {
  PatientIdentitiesQuery,
  type PatientIdentitiesInput,
} from '../../application/concertation/patient-identities.query';
import { callingService } from './calling-service';

/**
 * What coordination asks the directory (COO-7): the population the ACI concertation rule is checked against, as counts
 * and opaque ids, and the names for the minutes' PDF when a member entitled to them asked for names. Indicators reads
 * the population too (the ACI share on the dashboard), never the names.
 */
@InternalApiController('', { callers: ['coordination'] })
export class ConcertationInternalController {
  constructor(
    private readonly population: ConcertationPopulationQuery,
    private readonly identities: PatientIdentitiesQuery,
  ) {}

  /** `?structureId=<uuid>&asOf=<YYYY-MM-DD>`. */
  @Get('concertation-population')
  @AllowedCallers('coordination', 'indicators')
  concertationPopulation(@Req() request: { callerService?: string }, @Query() query: ConcertationPopulationInput) {
    return this.population.of(callingService(request), { structureId: query.structureId, asOf: query.asOf });
  }

  @Post('patient-identities')
  @HttpCode(200)
  async patientIdentities(@Req() request: { callerService?: string }, @Body() body: PatientIdentitiesInput) {
    return { patients: await this.identities.read(callingService(request), body ?? {}) };
  }
}
