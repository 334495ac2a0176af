import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('opening_range')
export class OpeningRangeEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') structureId!: string;
  @Column('uuid') practitionerId!: string;
  @Column('uuid') siteId!: string;
  /** RRULE body choosing the dates, e.g. FREQ=WEEKLY;BYDAY=MO,TH. */
  @Column('text') recurrence!: string;
  /** Wall times HH:mm in the site's zone. */
  @Column('text') startTime!: string;
  @Column('text') endTime!: string;
  @Column('date') validFrom!: string;
  @Column('date', { nullable: true }) validUntil!: string | null;
  @Column('uuid', { array: true }) motifIds!: string[];
  @Column('double precision') snpShare!: number;
  @Column('integer') snpReleaseDaysBefore!: number;
  @Column('text') snpReleaseAt!: string;
  /** Bumped by every change; an edit names the version it was made from. */
  @Column('integer', { default: 1 }) version!: number;
  /** The range this one continues from its first day (an edit from a date). */
  @Column('uuid', { nullable: true }) replaces!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
