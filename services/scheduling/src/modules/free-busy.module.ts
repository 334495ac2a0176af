import { Module } from '@nestjs/common';
import { FreeBusyQuery } from '../application/free-busy/free-busy.query';
import { FreeBusyInternalController } from '../interface/internal/free-busy-internal.controller';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** Members' merged busy time and consulting hours, for planning meetings, over the internal API. */
@Module({
  imports: [SchedulingPersistenceModule],
  controllers: [FreeBusyInternalController],
  providers: [FreeBusyQuery],
})
export class FreeBusyModule {}
