import { Get, Param, Query, Req } from '@nestjs/common';
import { AllowedCallers, InternalApiController, InternalApiException } from '@msp/messaging';
import { PatientContactQuery } from '../../application/patients/patient-contact.query';
import { callingService } from './calling-service';

/**
 * Scheduling reaches patients (reminders SCH-8, waitlist offers SCH-9) with the contact on file here, asked at send
 * time and never copied; and rebuilds its copy of reminder consents from here when that copy is rebuilt.
 */
@InternalApiController('', { callers: [] })
export class PatientContactInternalController {
  constructor(private readonly contacts: PatientContactQuery) {}

  /** `?purpose=reminder|waitlist_offer`. 404 for another structure's patient exactly as for an unknown id. */
  @Get('structures/:structureId/patients/:patientId/contact')
  @AllowedCallers('scheduling')
  async contact(
    @Req() request: { callerService?: string },
    @Param('structureId') structureId: string,
    @Param('patientId') patientId: string,
    @Query('purpose') purpose?: string,
  ) {
    const answer = await this.contacts.contactOf(callingService(request), { structureId, patientId, purpose });
    if (!answer)
      throw new InternalApiException(
        404,
        'DIRECTORY.PATIENT_NOT_FOUND',
        'No such patient in this structure',
        'patientId',
      );
    return answer;
  }

  @Get('reminder-consents')
  @AllowedCallers('scheduling')
  async reminderConsents(@Req() request: { callerService?: string }) {
    return { consents: await this.contacts.reminderConsents(callingService(request)) };
  }
}
