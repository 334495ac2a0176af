import { Module } from '@nestjs/common';
import { DeclareAbsenceHandler } from '../application/absences/declare-absence.handler';
import { EndAbsenceHandler } from '../application/absences/end-absence.handler';
import { AbsenceResolver } from '../interface/graphql/resolvers/absence.resolver';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** Time taken out of a practitioner's agenda (absence, holiday, training, blocked), and ending it early. */
@Module({
  imports: [SchedulingPersistenceModule],
  providers: [DeclareAbsenceHandler, EndAbsenceHandler, AbsenceResolver],
})
export class AbsencesModule {}
