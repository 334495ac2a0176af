import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { requireActiveManager } from '@msp/persistence';
import type { StructureKind } from '../../domain/structure-kind';
import { searchText } from '../../domain/search-text';
import { rethrowUniqueViolation } from './unique-violation';
import { type Structure, StructureRepository } from '../../application/ports/structure.repository';
import { StructureEntity } from '../entities';
import { joinedManager } from './joined-manager';

const toStructure = (e: StructureEntity): Structure => ({
  id: e.id,
  kind: e.kind,
  name: e.name,
  finess: e.finess,
  cptsId: e.cptsId,
  timeZone: e.timeZone,
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
    await this.structures.insert(structure).catch(rethrowUniqueViolation);
  }

  async findByName(kind: StructureKind, name: string): Promise<Structure[]> {
    const rows = await this.structures.find({ where: { kind }, order: { createdAt: 'ASC' } });
    const key = searchText(name);
    return rows.filter((row) => searchText(row.name) === key).map(toStructure);
  }

  async findByFiness(finess: string): Promise<Structure | null> {
    const found = await this.structures.findOneBy({ finess });
    return found && toStructure(found);
  }

  async mspsOf(cptsId: string): Promise<Structure[]> {
    return (await this.structures.find({ where: { cptsId, kind: 'MSP' }, order: { name: 'ASC' } })).map(toStructure);
  }

  async lockCreations(): Promise<void> {
    await requireActiveManager('Creating a structure').query(
      `select pg_advisory_xact_lock(hashtext('directory.structure-creation'))`,
    );
  }
}
