import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What scheduling knows of a directory site: its structure and time zone, kept from directory events. */
@Entity('site_ref')
export class SiteRefEntity {
  @PrimaryColumn('uuid') siteId!: string;
  @Column('uuid') structureId!: string;
  @Column('text') timeZone!: string;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
