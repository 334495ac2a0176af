import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import { CallRoutingError } from '../../domain/call-routing-error';
import { assertUuid, parseInstant } from '../input-checks';
import { assertMayReadCalls } from '../permissions';
import { CallJournalRepository, type CallRecord, type CallStatistics } from '../ports/call-journal.repository';
import { DirectoryCopyRepository } from '../ports/directory-copy.repository';

export interface CallJournalInput {
  structureId: string;
  siteId?: string | null;
  practitionerId?: string | null;
  /** ISO-8601 instants; the last 7 days when omitted. */
  from?: string | null;
  to?: string | null;
  limit?: number | null;
  /** The last call of the previous page (newest first). */
  after?: string | null;
}

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 366;

/** The call journal (CAL-5) and its statistics, per structure, site or practitioner. */
@Injectable()
export class CallJournalQuery {
  constructor(
    private readonly journal: CallJournalRepository,
    private readonly directory: DirectoryCopyRepository,
    private readonly clock: Clock,
  ) {}

  async calls(user: UserContext, input: CallJournalInput): Promise<CallRecord[]> {
    const filter = await this.filter(user, input);
    const limit = input.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw CallRoutingError.invalid('input.limit', 'must be between 1 and 500');
    let before: { startedAt: Date; id: string } | null = null;
    if (input.after) {
      const last = await this.journal.byId(assertUuid(input.after, 'input.after'));
      if (!last || last.structureId !== filter.structureId) throw CallRoutingError.notFound('Call', 'input.after');
      before = { startedAt: last.startedAt, id: last.id };
    }
    return this.journal.list({ ...filter, limit, before });
  }

  async statistics(user: UserContext, input: CallJournalInput): Promise<CallStatistics & { timeZone: string }> {
    const filter = await this.filter(user, input);
    const site = filter.siteId ? await this.directory.site(filter.siteId) : null;
    const timeZone = site?.timeZone ?? 'Europe/Paris';
    return { ...(await this.journal.statistics({ ...filter, timeZone })), timeZone };
  }

  private async filter(user: UserContext, input: CallJournalInput) {
    const structureId = assertUuid(input.structureId, 'input.structureId');
    const practitionerId = input.practitionerId ? assertUuid(input.practitionerId, 'input.practitionerId') : null;
    assertMayReadCalls(user, structureId, practitionerId, CallRoutingError.notFound('Structure', 'input.structureId'));
    const siteId = input.siteId ? assertUuid(input.siteId, 'input.siteId') : null;
    if (siteId) {
      const site = await this.directory.site(siteId);
      if (!site || site.structureId !== structureId) throw CallRoutingError.notFound('Site', 'input.siteId');
    }
    const to = input.to ? parseInstant(input.to, 'input.to') : this.clock.now();
    const from = input.from ? parseInstant(input.from, 'input.from') : new Date(to.getTime() - 7 * DAY_MS);
    if (from >= to) throw CallRoutingError.invalid('input.to', 'must be after input.from');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
      throw CallRoutingError.invalid('input.from', `the range is at most ${MAX_RANGE_DAYS} days`);
    return { structureId, siteId, practitionerId, from, to };
  }
}
