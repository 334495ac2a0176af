import { Module } from '@nestjs/common';
import { ReportDysfunctionHandler } from '../application/review/report-dysfunction.handler';
import { TimeFreedQuery } from '../application/review/time-freed.query';
import { WeeklyReviewQuery } from '../application/review/weekly-review.query';
import { DelegationReviewResolver } from '../interface/graphql/resolvers/delegation-review.resolver';
import { DelegationPersistenceModule } from './delegation-persistence.module';

/** DEL-6: the weekly review, dysfunction reports, and the medical time freed. */
@Module({
  imports: [DelegationPersistenceModule],
  providers: [WeeklyReviewQuery, TimeFreedQuery, ReportDysfunctionHandler, DelegationReviewResolver],
})
export class DelegationReviewModule {}
