import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { type Structure, StructureRepository } from '../../application/ports/structure.repository';
import { StructureEntity } from '../entities';
import { joinedManager } from './joined-manager';

const toStructure = (e: StructureEntity): Structure => ({
  id: e.id,
  kind: e.kind,
  name: e.name,
  finess: e.finess,
  cptsId: e.cptsId,
  createdAt: e.createdAt,
});

@Injectable()
export class TypeOrmStructureRepository implements StructureRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get structures() {
    return joinedManager(this.dataSource).getRepository(StructureEntity);
  }

  async findById(id: string): Promise<Structure | null> {
    const found = await this.structures.findOneBy({ id });
    return found && toStructure(found);
  }

  async findByIds(ids: readonly string[]): Promise<Structure[]> {
    if (!ids.length) return [];
    return (await this.structures.find({ where: { id: In([...ids]) }, order: { name: 'ASC' } })).map(toStructure);
  }

  exists(id: string): Promise<boolean> {
    return this.structures.existsBy({ id });
  }

  async insert(structure: Structure): Promise<void> {
    await this.structures.insert(structure);
  }
}
