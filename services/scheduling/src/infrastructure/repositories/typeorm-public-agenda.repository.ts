import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Motif } from '../../domain/motif';
import { MotifEntity } from '../entities/motif.entity';
import { motifFromEntity } from '../mappers/motif.mapper';
import { PublicAgendaRepository } from '../../application/ports/public-agenda.repository';

/** What the public booking page may list: the motifs patients may book online. */
@Injectable()
export class TypeOrmPublicAgendaRepository implements PublicAgendaRepository {
  constructor(private readonly db: DataSource) {}

  async onlineMotifs(structureId: string): Promise<Motif[]> {
    const entities = await this.db
      .getRepository(MotifEntity)
      .createQueryBuilder('m')
      .where(`m.structure_id = :structureId and 'online' = any(m.bookable_by) and m.archived_at is null`, {
        structureId,
      })
      .orderBy('m.label')
      .getMany();
    return entities.map(motifFromEntity);
  }
}
