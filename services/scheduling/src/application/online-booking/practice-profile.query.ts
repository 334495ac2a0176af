import { Injectable } from '@nestjs/common';
import { Clock, ExpiringCache } from '@msp/service-kit';
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

/**
 * The practice's public profile for its booking page (SCH-5): name, sites, and the professionals who take appointments,
 * asked of the directory — scheduling stores no names. Every patient opening the page asks for it, so one answer per
 * structure is kept a minute in memory and concurrent misses share one call; while the directory is down a profile up
 * to ten minutes old is served, and without one the page is told UNAVAILABLE (it still books, without names).
 */
@Injectable()
export class PracticeProfileQuery {
  /** The directory's last answer per structure, a profile or null for "no such structure", reused while fresh. */
  private readonly fresh: ExpiringCache<string, PracticeProfile | null>;
  /** The last profile per structure, served while the directory cannot answer. */
  private readonly lastKnown: ExpiringCache<string, PracticeProfile>;
  private readonly pending = new Map<string, Promise<PracticeProfile | null>>();

  constructor(
    private readonly directory: PatientDirectory,
    clock: Clock,
  ) {
    const now = () => clock.now().getTime();
    this.fresh = new ExpiringCache({ ttlMs: PROFILE_FRESH_MS, maxEntries: PROFILE_CACHE_SIZE, now });
    this.lastKnown = new ExpiringCache({ ttlMs: PROFILE_STALE_MS, maxEntries: PROFILE_CACHE_SIZE, now });
  }

  async of(structureId: string): Promise<PracticeProfile> {
    const id = assertUuid(structureId, 'structureId').toLowerCase();
    const profile = await this.profileOf(id);
    // A structure unknown to the directory reads like every other unknown object of the public pages.
    if (!profile) throw SchedulingError.notFound('Structure', 'input.structureId');
    return profile;
  }

  private async profileOf(structureId: string): Promise<PracticeProfile | null> {
    const fresh = this.fresh.get(structureId);
    if (fresh !== undefined) return fresh;
    try {
      return await this.ask(structureId);
    } catch (error) {
      const stale = this.lastKnown.get(structureId);
      if (error instanceof DirectoryUnavailableError && stale) return stale;
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
    this.fresh.set(structureId, profile);
    if (profile) this.lastKnown.set(structureId, profile);
    else this.lastKnown.delete(structureId);
  }
}
