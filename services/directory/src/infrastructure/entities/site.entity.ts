import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { OpeningHours } from '../../domain/opening-hours';

@Entity('site')
export class SiteEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') structureId!: string;
  @Column('text') name!: string;
  @Column('text') addressLine!: string;
  @Column('text') postalCode!: string;
  @Column('text') city!: string;
  /** E.164 numbers of the site's phone lines. */
  @Column('text', { array: true }) phoneLines!: string[];
  @Column('text') timeZone!: string;
  @Column('jsonb') openingHours!: OpeningHours[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
