import { Injectable } from '@nestjs/common';
import { Clock } from '@msp/service-kit';
import { SchedulingError } from '../../domain/scheduling-error';
import { assertUuid } from '../input-checks';
import { DirectoryUnavailableError } from '../ports/directory-unavailable.error';
import { PatientDirectory, type PracticeProfile } from '../ports/patient-directory.port';

/** An answer of the directory (a profile, or "no such structure") is reused this long. */
export const PROFILE_FRESH_MS = 60_000;
/** While the directory cannot answer, a profile this old still beats a page without names. */
export const PROFILE_STALE_MS = 10 * 60_000;
/** Structures remembered at once; the oldest answer goes first. Bounds memory whatever ids the internet sends. */
export const PROFILE_CACHE_SIZE = 1_000;

interface Cached {
  profile: PracticeProfile | null;
  at: number;
}

/**
 * The practice's public profile for its booking page (SCH-5): name, sites, and the professionals who take appointments,
 * asked of the directory — scheduling stores no names. Every patient opening the page asks for it, so one answer per
 * structure is kept a minute in memory and concurrent misses share one call; while the directory is down a profile up
 * to ten minutes old is served, and without one the page is told UNAVAILABLE (it still books, without names).
 */
@Injectable()
export class PracticeProfileQuery {
  private readonly cache = new Map<string, Cached>();
  private readonly pending = new Map<string, Promise<PracticeProfile | null>>();

  constructor(
    private readonly directory: PatientDirectory,
    private readonly clock: Clock,
  ) {}

  async of(structureId: string): Promise<PracticeProfile> {
    const id = assertUuid(structureId, 'structureId').toLowerCase();
    const profile = await this.profileOf(id);
    // A structure unknown to the directory reads like every other unknown object of the public pages.
    if (!profile) throw SchedulingError.notFound('Structure', 'input.structureId');
    return profile;
  }

  private async profileOf(structureId: string): Promise<PracticeProfile | null> {
    const now = this.clock.now().getTime();
    const cached = this.cache.get(structureId);
    if (cached && now - cached.at < PROFILE_FRESH_MS) return cached.profile;
    try {
      return await this.ask(structureId);
    } catch (error) {
      if (error instanceof DirectoryUnavailableError && cached?.profile && now - cached.at < PROFILE_STALE_MS)
        return cached.profile;
      throw error;
    }
  }

  private ask(structureId: string): Promise<PracticeProfile | null> {
    const inFlight = this.pending.get(structureId);
    if (inFlight) return inFlight;
    const asked = this.directory
      .practiceProfile(structureId)
      .then((profile) => {
        this.remember(structureId, profile);
        return profile;
      })
      .finally(() => this.pending.delete(structureId));
    this.pending.set(structureId, asked);
    return asked;
  }

  private remember(structureId: string, profile: PracticeProfile | null): void {
    // Re-inserted at the end: the Map's order is the order of the answers, oldest first.
    this.cache.delete(structureId);
    this.cache.set(structureId, { profile, at: this.clock.now().getTime() });
    while (this.cache.size > PROFILE_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
  }
}
