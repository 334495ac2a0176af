import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';

const replayed = new AsyncLocalStorage<Date>();

/**
 * The service's notion of "now", one seam for tests and for the demo month: `at()` runs work as if it happened at an
 * instant in the past, through the same handlers and rules (a booking made the day before, a call answered at 10:12),
 * for that call chain only — every other request meanwhile sees the real time.
 */
@Injectable()
export class Clock {
  now(): Date {
    const instant = replayed.getStore();
    return instant ? new Date(instant.getTime()) : new Date();
  }

  at<T>(instant: Date, work: () => Promise<T>): Promise<T> {
    return replayed.run(new Date(instant.getTime()), work);
  }
}
