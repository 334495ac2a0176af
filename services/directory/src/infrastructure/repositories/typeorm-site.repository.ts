import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { requireActiveManager } from '@msp/persistence';
import { type Site, SiteRepository } from '../../application/ports/site.repository';
import { SiteEntity } from '../entities';
import { joinedManager } from './joined-manager';

const toSite = (e: SiteEntity): Site => ({
  id: e.id,
  structureId: e.structureId,
  name: e.name,
  addressLine: e.addressLine,
  postalCode: e.postalCode,
  city: e.city,
  phoneLines: e.phoneLines,
  timeZone: e.timeZone,
  openingHours: e.openingHours,
  createdAt: e.createdAt,
});

@Injectable()
export class TypeOrmSiteRepository implements SiteRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get sites() {
    return joinedManager(this.dataSource).getRepository(SiteEntity);
  }

  async findById(id: string): Promise<Site | null> {
    const found = await this.sites.findOneBy({ id });
    return found && toSite(found);
  }

  async lockById(id: string): Promise<Site | null> {
    const found = await requireActiveManager('Locking a site').findOne(SiteEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return found && toSite(found);
  }

  async findByIds(ids: readonly string[]): Promise<Site[]> {
    return ids.length ? (await this.sites.findBy({ id: In([...ids]) })).map(toSite) : [];
  }

  async ofStructures(structureIds: readonly string[]): Promise<Site[]> {
    if (!structureIds.length) return [];
    const found = await this.sites.find({ where: { structureId: In([...structureIds]) }, order: { name: 'ASC' } });
    return found.map(toSite);
  }

  async idsInStructure(structureId: string, ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const found = await this.sites.find({ select: { id: true }, where: { id: In([...ids]), structureId } });
    return found.map((site) => site.id);
  }

  async findByPhoneLine(phone: string): Promise<Site | null> {
    const found = await this.sites.createQueryBuilder('s').where(':phone = any(s.phone_lines)', { phone }).getOne();
    return found && toSite(found);
  }

  async all(): Promise<Site[]> {
    return (await this.sites.find({ order: { id: 'ASC' } })).map(toSite);
  }

  async insert(site: Site): Promise<void> {
    await this.sites.insert(site);
  }

  async update(site: Site): Promise<void> {
    const { id, ...changes } = site;
    await this.sites.update({ id }, changes);
  }
}
