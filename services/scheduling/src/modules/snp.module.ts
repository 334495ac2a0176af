import { MultiSiteOffer } from '../application/slots/multi-site-offer';
import { Module } from '@nestjs/common';
import { BookPooledSnpSlotHandler } from '../application/snp/book-pooled-snp-slot.handler';
import { SnpPoolQuery } from '../application/snp/snp-pool.query';
import { SnpReleaseJob } from '../application/snp/snp-release.job';
import { SnpPoolResolver } from '../interface/graphql/resolvers/snp-pool.resolver';
import { BookingModule } from './booking.module';
import { DirectoryClientModule } from './directory-client.module';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/**
 * Unscheduled-care (SNP) slots: their release announcements, a CPTS's pooled capacity and its bookings by the CPTS's
 * other MSPs (SCH-4).
 */
@Module({
  imports: [SchedulingPersistenceModule, BookingModule, DirectoryClientModule],
  providers: [MultiSiteOffer, SnpReleaseJob, SnpPoolQuery, BookPooledSnpSlotHandler, SnpPoolResolver],
})
export class SnpModule {}
