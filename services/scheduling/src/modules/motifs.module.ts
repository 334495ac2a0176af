import { Module } from '@nestjs/common';
import { ArchiveMotifHandler } from '../application/motifs/archive-motif.handler';
import { CreateMotifHandler } from '../application/motifs/create-motif.handler';
import { EditMotifHandler } from '../application/motifs/edit-motif.handler';
import { MotifsQuery } from '../application/motifs/motifs.query';
import { PhoneMotifQuery } from '../application/motifs/phone-motif.query';
import { MotifResolver } from '../interface/graphql/resolvers/motif.resolver';
import { MotifsInternalController } from '../interface/internal/motifs-internal.controller';
import { SchedulingPersistenceModule } from './scheduling-persistence.module';

/**
 * Consultation types (motifs) of a structure or a practitioner — created, edited, archived — and the one the virtual
 * secretary books by default.
 */
@Module({
  imports: [SchedulingPersistenceModule],
  controllers: [MotifsInternalController],
  providers: [CreateMotifHandler, EditMotifHandler, ArchiveMotifHandler, MotifsQuery, PhoneMotifQuery, MotifResolver],
  exports: [CreateMotifHandler],
})
export class MotifsModule {}
