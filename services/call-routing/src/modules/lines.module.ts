import { Module } from '@nestjs/common';
import { LinesQuery } from '../application/lines/lines.query';
import { ManageLinesHandler } from '../application/lines/manage-lines.handler';
import { PhoneLineResolver } from '../interface/graphql/resolvers/phone-line.resolver';
import { CallRoutingPersistenceModule } from './call-routing-persistence.module';

/** The practice's phone lines (CAL-1). */
@Module({
  imports: [CallRoutingPersistenceModule],
  providers: [ManageLinesHandler, LinesQuery, PhoneLineResolver],
})
export class LinesModule {}
