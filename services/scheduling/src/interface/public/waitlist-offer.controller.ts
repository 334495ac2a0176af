import {
  Controller,
  Get,
  Header,
  HttpCode,
  Logger,
  Param,
  Post,
  Query,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { httpAnswerOf, knownFailureOf, logKnownFailure } from '@msp/errors';
import type { Response } from 'express';
import { WaitlistOfferLink } from '../../application/waitlist/waitlist-offer-link';
import { PublicApiFilter } from './public-api.filter';
import { BOOKING_THROTTLER } from './public-throttling';
import { answeredPage, offerPage, refusalPage } from './waitlist-offer.page';

const HTML = 'text/html; charset=utf-8';

/**
 * Where a waiting patient answers an offered slot (SCH-9), from the links of the message they were sent: the token is
 * the only credential (32 random bytes, only its SHA-256 stored; request logs show `/public/waitlist-offers/[redacted]`).
 * Pages in French for the patient's browser; limited per client address like every public route. A GET shows, a POST
 * answers.
 */
@Controller('public/waitlist-offers/:token')
@UseGuards(ThrottlerGuard)
@SkipThrottle({ [BOOKING_THROTTLER]: true })
@UseFilters(PublicApiFilter)
export class PublicWaitlistOfferController {
  private readonly logger = new Logger('PublicApi');

  constructor(private readonly links: WaitlistOfferLink) {}

  @Get()
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  show(
    @Param('token') token: string,
    @Query('reponse') answer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.render(res, async () => offerPage(await this.links.view(token), token, answer));
  }

  @Post('accept')
  @HttpCode(200)
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  accept(@Param('token') token: string, @Res({ passthrough: true }) res: Response) {
    return this.render(res, async () => answeredPage(await this.links.accept(token)));
  }

  @Post('decline')
  @HttpCode(200)
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  decline(@Param('token') token: string, @Res({ passthrough: true }) res: Response) {
    return this.render(res, async () => answeredPage(await this.links.decline(token)));
  }

  /** A refusal of the domain is a French page with the status of its kind; the unexpected goes to PublicApiFilter. */
  private async render(res: Response, work: () => Promise<string>): Promise<string> {
    try {
      return await work();
    } catch (error) {
      const known = knownFailureOf(error);
      if (!known) throw error;
      logKnownFailure(this.logger, known);
      const { status } = httpAnswerOf(known);
      res.status(status);
      return refusalPage(status);
    }
  }
}
