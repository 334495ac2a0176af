import { Injectable } from '@nestjs/common';
import { atWallTime, type WallTime } from '@msp/calendar';
import type { EventPayloads } from '@msp/contracts';
import { MAX_HISTORY_MONTHS, monthOf } from '../../domain/period';
import { ActivityFactsRepository } from '../ports/activity-facts.repository';
import { IndicatorValuesRepository } from '../ports/indicator-values.repository';
import { OpeningFactsRepository, type OpeningRangeChange } from '../ports/opening-facts.repository';
import { RecomputeQueue } from '../ports/recompute-queue';
import { IndicatorValueTracker } from './indicator-value-tracker';

type P<K extends keyof EventPayloads> = EventPayloads[K];

const LAST_MONTH = '9999-12';
const MIDNIGHT: WallTime = { hour: 0, minute: 0 };

/**
 * Scheduling's opening ranges and absences kept as facts (order-safe upserts by their ids), for the opening amplitude
 * and the SNP capacity. A range or an absence spans months: the tracker recomputes, within the span it changes, the
 * months already announced for the structure (their values may move) and the month of the change itself — a month
 * never announced is announced with its first fact of any kind, ranges included.
 */
@Injectable()
export class OpeningProjection {
  constructor(
    private readonly opening: OpeningFactsRepository,
    private readonly facts: ActivityFactsRepository,
    private readonly values: IndicatorValuesRepository,
    private readonly tracker: IndicatorValueTracker,
    private readonly queue: RecomputeQueue,
  ) {}

  async rangeChanged(data: P<'scheduling.opening-ranges.changed.v1'>): Promise<void> {
    const at = new Date(data.changedAt);
    const { recurrence, startTime, endTime, timeZone, validFrom } = data;
    // Older events name the range only: it is known, not counted, until an event describes it.
    const definition =
      recurrence && startTime && endTime && timeZone && validFrom
        ? {
            recurrence,
            startTime,
            endTime,
            timeZone,
            validFrom,
            validUntil: data.validUntil ?? null,
            snpShare: data.snpShare ?? 0,
            snpSlot: data.snpSlot
              ? { durationMinutes: data.snpSlot.durationMinutes, bufferAfterMinutes: data.snpSlot.bufferAfterMinutes }
              : null,
          }
        : null;
    const removed = data.change === 'removed';
    // A removal from a day (a range ended or edited from then on) takes effect at that day's start in the site's zone;
    // an older removal, which names no day, at its own instant.
    const removedFrom = removed && data.removedFrom && timeZone ? data.removedFrom : null;
    const removedAt = removedFrom && timeZone ? atWallTime(removedFrom, MIDNIGHT, timeZone) : removed ? at : null;
    const change: OpeningRangeChange = {
      openingRangeId: data.openingRangeId,
      structureId: data.structureId,
      practitionerId: data.practitionerId,
      siteId: data.siteId,
      change: data.change,
      at,
      removedAt,
      definition,
    };
    await this.opening.upsertRange(change);
    if (!definition) return;
    const changeDay = await this.facts.localDate(data.siteId, at);
    // A definition changes its months from its first day on; a removal, from the day it takes effect, to the end the
    // range had before (unknown here: the description of a range ended early gives its new end).
    const removalDay = removedFrom ?? changeDay;
    const first = removed && removalDay > definition.validFrom ? removalDay : definition.validFrom;
    const last = removed ? null : definition.validUntil;
    await this.changed(data.structureId, monthOf(first), last, changeDay);
  }

  async absenceDeclared(data: P<'scheduling.absence.declared.v1'>): Promise<void> {
    const at = new Date(data.declaredAt);
    const [start, end] = [new Date(data.startsAt), new Date(data.endsAt)];
    await this.opening.upsertAbsenceDeclared({ ...data, start, end }, at);
    const [first, last, changeDay] = await Promise.all(
      [start, new Date(end.getTime() - 1), at].map((instant) => this.facts.localDate(null, instant)),
    );
    await this.changed(data.structureId, monthOf(first), last, changeDay);
  }

  async absenceEnded(data: P<'scheduling.absence.ended.v1'>): Promise<void> {
    const at = new Date(data.endedAt);
    await this.opening.upsertAbsenceEnded({ ...data, end: new Date(data.endsAt) }, at);
    // The absence's declared end is not in this event: every month from its new end on may have opened again.
    const [first, changeDay] = await Promise.all(
      [new Date(data.endsAt), at].map((instant) => this.facts.localDate(null, instant)),
    );
    await this.changed(data.structureId, monthOf(first), null, changeDay);
  }

  /**
   * Marks the months from `firstMonth` to the `lastDay`'s month (null: no end) already announced or waiting to be, and
   * the change's month. A mark a recompute is taking at this moment is still seen here, so that month is marked again.
   */
  private async changed(
    structureId: string,
    firstMonth: string,
    lastDay: string | null,
    changeDay: string,
  ): Promise<void> {
    const lastMonth = lastDay ? monthOf(lastDay) : LAST_MONTH;
    const months = new Set([
      ...(await this.values.announcedMonths(structureId, firstMonth, lastMonth)),
      ...(await this.queue.markedMonths(structureId, firstMonth, lastMonth)),
    ]);
    const changeMonth = monthOf(changeDay);
    if (changeMonth >= firstMonth && changeMonth <= lastMonth) months.add(changeMonth);
    for (const month of [...months].sort().slice(-MAX_HISTORY_MONTHS))
      await this.tracker.changed(structureId, `${month}-01`);
  }
}
