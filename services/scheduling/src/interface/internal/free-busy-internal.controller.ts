import { Body, HttpCode, Post } from '@nestjs/common';
import { InternalApiController } from '@msp/messaging';
import { FreeBusyQuery, type FreeBusyInput } from '../../application/free-busy/free-busy.query';

/** What the meeting planner asks (COO-2): when are these members busy, across all their sites. */
@InternalApiController('agenda', { callers: ['coordination'] })
export class FreeBusyInternalController {
  constructor(private readonly freeBusy: FreeBusyQuery) {}

  @Post('free-busy')
  @HttpCode(200)
  query(@Body() body: FreeBusyInput) {
    return this.freeBusy.execute(body ?? { memberIds: [], from: '', to: '' });
  }
}
