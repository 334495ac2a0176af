import { Module } from '@nestjs/common';
import { Invitees } from '../application/meetings/invitees';
import { MeetingProposalsQuery } from '../application/planning/meeting-proposals.query';
import { PlanningResolver } from '../interface/graphql/resolvers/planning.resolver';
import { CoordinationPersistenceModule } from './coordination-persistence.module';
import { MemberAgendasModule } from './member-agendas.module';

/** COO-2: proposals of times when the invitees are free, from scheduling's free/busy. */
@Module({
  imports: [CoordinationPersistenceModule, MemberAgendasModule],
  providers: [Invitees, MeetingProposalsQuery, PlanningResolver],
})
export class PlanningModule {}
