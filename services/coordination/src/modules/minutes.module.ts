import { Module } from '@nestjs/common';
import { PluriprofessionalRuleHandler } from '../application/attendance/pluriprofessional-rule.handler';
import { RecordAttendanceHandler } from '../application/attendance/record-attendance.handler';
import { MeetingCasesHandler } from '../application/cases/meeting-cases.handler';
import { CloseMinutesHandler } from '../application/minutes/close-minutes.handler';
import { MinutesExportQuery } from '../application/minutes/minutes-export.query';
import { MinutesHandler } from '../application/minutes/minutes.handler';
import { MinutesQuery } from '../application/minutes/minutes.query';
import { OrganisedMeetings } from '../application/minutes/organised-meetings';
import { MinutesRenderer } from '../application/ports/minutes-renderer.port';
import { PatientIdentities } from '../application/ports/patient-identities.port';
import { HttpPatientIdentities } from '../infrastructure/clients/http-patient-identities';
import { PdfkitMinutesRenderer } from '../infrastructure/pdf/pdfkit-minutes-renderer';
import { MinutesResolver } from '../interface/graphql/resolvers/minutes.resolver';
import { CoordinationPersistenceModule } from './coordination-persistence.module';

/**
 * COO-3 to COO-6: the agenda of cases, attendance and the pluriprofessional rule, the minutes closed with their events,
 * and their PDF (patient identities from the directory for an entitled reader).
 */
@Module({
  imports: [CoordinationPersistenceModule],
  providers: [
    OrganisedMeetings,
    MeetingCasesHandler,
    RecordAttendanceHandler,
    PluriprofessionalRuleHandler,
    MinutesHandler,
    CloseMinutesHandler,
    MinutesQuery,
    MinutesExportQuery,
    { provide: MinutesRenderer, useClass: PdfkitMinutesRenderer },
    { provide: PatientIdentities, useClass: HttpPatientIdentities },
    MinutesResolver,
  ],
  // The demo month holds its meetings through them.
  exports: [MeetingCasesHandler, RecordAttendanceHandler, MinutesHandler, CloseMinutesHandler],
})
export class MinutesModule {}
