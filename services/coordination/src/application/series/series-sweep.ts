import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { MeetingSeriesRepository } from '../ports/meeting-series.repository';
import { horizonFrom, SeriesExtension } from './series-extension';

const BATCH = 20;
const MAX_BATCHES = 50;

/**
 * Keeps every running series written a horizon ahead as days pass. Each batch of series is locked with SKIP LOCKED
 * in its transaction: replicas sweeping at once take different series, and a series extended by one is, when the other
 * reaches it, already written up to the horizon.
 */
@Injectable()
export class SeriesSweep {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly series: MeetingSeriesRepository,
    private readonly extension: SeriesExtension,
  ) {}

  /** The number of meetings written. */
  async extendAll(now: Date): Promise<number> {
    const until = horizonFrom(now);
    let written = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const [seen, placed] = await this.transactions.run(async () => {
        const due = await this.series.lockShortOf(until, BATCH);
        let n = 0;
        for (const series of due) n += await this.extension.extend(series, until, now);
        return [due.length, n] as const;
      });
      written += placed;
      if (seen < BATCH) break;
    }
    return written;
  }
}
