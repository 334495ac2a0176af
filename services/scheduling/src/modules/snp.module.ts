import { Module } from '@nestjs/common';
import { SnpPoolQuery } from '../application/snp/snp-pool.query';
import { SnpReleaseJob } from '../application/snp/snp-release.job';
import { SnpPoolResolver } from '../interface/graphql/resolvers/snp-pool.resolver';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** Unscheduled-care (SNP) slots: their release announcements and a CPTS's pooled capacity (SCH-4). */
@Module({
  imports: [SchedulingPersistenceModule],
  providers: [SnpReleaseJob, SnpPoolQuery, SnpPoolResolver],
})
export class SnpModule {}
