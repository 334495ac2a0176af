import { Injectable } from '@nestjs/common';

/** The service's notion of "now", one seam for tests. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
