import { Module } from '@nestjs/common';
import { CreateMotifHandler } from '../application/motifs/create-motif.handler';
import { MotifsQuery } from '../application/motifs/motifs.query';
import { MotifResolver } from '../interface/graphql/resolvers/motif.resolver';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/** Consultation types (motifs) of a structure or a practitioner. */
@Module({
  imports: [SchedulingPersistenceModule],
  providers: [CreateMotifHandler, MotifsQuery, MotifResolver],
  exports: [CreateMotifHandler, MotifsQuery],
})
export class MotifsModule {}
