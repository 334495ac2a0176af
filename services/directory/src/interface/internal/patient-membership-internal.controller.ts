import { Get, Param } from '@nestjs/common';
import { InternalApiController, InternalApiException } from '@msp/messaging';
import { PatientMembershipQuery } from '../../application/patients/patient-membership.query';

/**
 * Scheduling asks, before staff or the virtual secretary book, hold or waitlist a patient id, whether that id is one
 * of the structure's patients. 404 for another structure's patient exactly as for an unknown id.
 */
@InternalApiController('', { callers: ['scheduling'] })
export class PatientMembershipInternalController {
  constructor(private readonly membership: PatientMembershipQuery) {}

  @Get('structures/:structureId/patients/:patientId')
  async belongs(@Param('structureId') structureId: string, @Param('patientId') patientId: string) {
    if (!(await this.membership.belongs(structureId, patientId)))
      throw new InternalApiException(
        404,
        'DIRECTORY.PATIENT_NOT_FOUND',
        'No such patient in this structure',
        'patientId',
      );
    return { structureId, patientId };
  }
}
