import { Body, Get, HttpCode, Param, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InternalApiController, InternalApiException } from '@msp/messaging';
import { PatientMatchQuery, type PatientMatchInput } from '../../application/online/patient-match.query';
import {
  PatientRegistrationRequestHandler,
  type RegistrationRequestInput,
} from '../../application/online/patient-registration-request.handler';
import { SiteEntity } from '../../infrastructure/entities';

/**
 * What scheduling asks for online booking (SCH-5) and its public pages: is this person a patient (an id, never an
 * identity), keep a new patient's identity until staff confirm, and what a site is called (for calendar feeds).
 */
@InternalApiController('')
export class OnlineBookingInternalController {
  constructor(
    private readonly matcher: PatientMatchQuery,
    private readonly requests: PatientRegistrationRequestHandler,
    private readonly db: DataSource,
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
  async openRequest(@Body() body: Partial<RegistrationRequestInput>) {
    return { requestId: await this.requests.open(body ?? {}) };
  }

  @Post('patient-registration-requests/:requestId/register')
  @HttpCode(200)
  async register(@Param('requestId') requestId: string, @Body() body: { memberId?: string }) {
    return { patientId: await this.requests.register(requestId, body?.memberId) };
  }

  @Post('patient-registration-requests/:requestId/discard')
  @HttpCode(204)
  async discard(@Param('requestId') requestId: string): Promise<void> {
    await this.requests.discard(requestId);
  }

  @Get('sites/:siteId')
  async site(@Param('siteId') siteId: string) {
    const site = /^[0-9a-f-]{36}$/i.test(siteId)
      ? await this.db.getRepository(SiteEntity).findOneBy({ id: siteId })
      : null;
    if (!site) throw new InternalApiException(404, 'DIRECTORY.SITE_NOT_FOUND', 'Unknown site', 'siteId');
    return {
      siteId: site.id,
      structureId: site.structureId,
      name: site.name,
      address: `${site.addressLine}, ${site.postalCode} ${site.city}`,
      timeZone: site.timeZone,
    };
  }
}
