import { Injectable, Logger } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { DomainError } from '@msp/errors';
import { Clock } from '@msp/service-kit';
import { DateTime } from 'luxon';
import {
  aciConcertation,
  patientsToReview,
  populationDate,
  reviewedPatients,
  yearWindow,
  type AciStanding,
  type GpPopulation,
  type ProposedPatient,
} from '../../domain/aci-concertation';
import { CoordinationError } from '../../domain/coordination-error';
import { assertUuid } from '../input-checks';
import { assertRole, PERMISSIONS } from '../permissions';
import { ConcertationPopulation } from '../ports/concertation-population.port';
import { ConcertationRepository } from '../ports/concertation.repository';
import { TeamRepository } from '../ports/team.repository';

export interface AciConcertationView extends AciStanding {
  /** Why the shares are missing, when they are. */
  sharesUnavailableReason: string | null;
}

export const MAX_PROPOSALS = 200;

/**
 * COO-7: where the structure stands for the ACI's concertation criteria, computed from its meetings and the
 * directory's population each time it is asked (no copy to go stale). The directory not answering leaves the
 * meeting count and says the share cannot be computed now.
 */
@Injectable()
export class AciConcertationQuery {
  private readonly logger = new Logger(AciConcertationQuery.name);

  constructor(
    private readonly concertation: ConcertationRepository,
    private readonly population: ConcertationPopulation,
    private readonly team: TeamRepository,
    private readonly clock: Clock,
  ) {}

  async standing(user: UserContext, structureId: string, year: number): Promise<AciConcertationView> {
    const id = this.authorized(user, structureId);
    if (!Number.isInteger(year) || year < 2000 || year > 2199)
      throw CoordinationError.invalid('year', 'must be a year from 2000 to 2199');
    const timeZone = await this.team.structureTimeZone(id);
    const now = this.clock.now();
    const { from, to } = yearWindow(year, timeZone);
    const meetings = await this.concertation.meetingsBetween(id, from, to);
    let population: GpPopulation[] | null = null;
    let sharesUnavailableReason: string | null = null;
    try {
      population = await this.population.of(id, populationDate(year, timeZone, now));
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'unavailable')) throw error;
      this.logger.warn(`Concertation population unavailable: ${error.message}`);
      sharesUnavailableReason = 'L’annuaire ne répond pas : la part des patients éligibles est indisponible.';
    }
    return { ...aciConcertation({ year, timeZone, now, meetings, population }), sharesUnavailableReason };
  }

  /** Eligible patients not reviewed this year and not already on an agenda to come, for the next meetings. */
  async toReview(user: UserContext, structureId: string, limit: number): Promise<ProposedPatient[]> {
    const id = this.authorized(user, structureId);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PROPOSALS)
      throw CoordinationError.invalid('limit', `must be a whole number from 1 to ${MAX_PROPOSALS}`);
    const timeZone = await this.team.structureTimeZone(id);
    const now = this.clock.now();
    const year = DateTime.fromJSDate(now, { zone: timeZone }).year;
    const { from, to } = yearWindow(year, timeZone);
    const meetings = await this.concertation.meetingsBetween(id, from, to);
    const population = await this.population.of(id, populationDate(year, timeZone, now));
    const onAgenda = new Set(
      meetings
        .filter((m) => m.minutesClosedAt === null && m.startsAt.getTime() >= now.getTime())
        .flatMap((m) => m.patientIds),
    );
    return patientsToReview(population, reviewedPatients(meetings), onAgenda, limit);
  }

  private authorized(user: UserContext, structureId: string): string {
    const id = assertUuid(structureId, 'structureId');
    assertRole(user, id, PERMISSIONS.readAci, CoordinationError.notFound('Structure', 'structureId'));
    return id;
  }
}
