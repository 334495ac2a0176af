import { Body, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { AllowedCallers, InternalApiController, InternalApiException } from '@msp/messaging';
import { DiscardRegistrationRequestHandler } from '../../application/online/discard-registration-request.handler';
import {
  OpenRegistrationRequestHandler,
  type RegistrationRequestInput,
} from '../../application/online/open-registration-request.handler';
import { PatientMatchQuery, type PatientMatchInput } from '../../application/online/patient-match.query';
import { PracticeProfileQuery } from '../../application/online/practice-profile.query';
import { RegisterFromRequestHandler } from '../../application/online/register-from-request.handler';
import { SiteSummaryQuery } from '../../application/online/site-summary.query';
import { callingService as caller } from './calling-service';

/**
 * What scheduling asks for online booking (SCH-5) and its public pages: is this person a patient (an id, never an
 * identity), keep a new patient's identity until staff confirm, what a site is called (for calendar feeds; call
 * routing asks it too, to tell a caller the site's address), and the practice's public profile its booking page shows.
 */
@InternalApiController('', { callers: ['scheduling'] })
export class OnlineBookingInternalController {
  constructor(
    private readonly matcher: PatientMatchQuery,
    private readonly openRequest: OpenRegistrationRequestHandler,
    private readonly registerFromRequest: RegisterFromRequestHandler,
    private readonly discardRequest: DiscardRegistrationRequestHandler,
    private readonly sites: SiteSummaryQuery,
    private readonly profiles: PracticeProfileQuery,
  ) {}

  @Post('patients/match')
  @HttpCode(200)
  async match(@Body() body: Partial<PatientMatchInput>) {
    const patientId = await this.matcher.match(body ?? {});
    if (!patientId)
      throw new InternalApiException(
        404,
        'DIRECTORY.PATIENT_NOT_MATCHED',
        'No single patient of the structure matches these details',
      );
    return { patientId };
  }

  @Post('patient-registration-requests')
  async open(@Req() request: { callerService?: string }, @Body() body: Partial<RegistrationRequestInput>) {
    return { requestId: await this.openRequest.execute(caller(request), body ?? {}) };
  }

  @Post('patient-registration-requests/:requestId/register')
  @HttpCode(200)
  async register(
    @Req() request: { callerService?: string },
    @Param('requestId') requestId: string,
    @Body() body: { memberId?: string },
  ) {
    const patientId = await this.registerFromRequest.execute(caller(request), { requestId, memberId: body?.memberId });
    return { patientId };
  }

  @Post('patient-registration-requests/:requestId/discard')
  @HttpCode(204)
  async discard(@Req() request: { callerService?: string }, @Param('requestId') requestId: string): Promise<void> {
    await this.discardRequest.execute(caller(request), { requestId });
  }

  @Get('sites/:siteId')
  @AllowedCallers('scheduling', 'call-routing')
  async site(@Param('siteId') siteId: string) {
    const site = await this.sites.byId(siteId);
    if (!site) throw new InternalApiException(404, 'DIRECTORY.SITE_NOT_FOUND', 'Unknown site', 'siteId');
    return site;
  }

  /**
   * The practice's name, sites and the professionals who take appointments, as its public booking page names them.
   * 404 for a structure that does not exist.
   */
  @Get('structures/:structureId/public-profile')
  async publicProfile(@Param('structureId') structureId: string) {
    const profile = await this.profiles.of(structureId);
    if (!profile)
      throw new InternalApiException(404, 'DIRECTORY.STRUCTURE_NOT_FOUND', 'Unknown structure', 'structureId');
    return profile;
  }
}
