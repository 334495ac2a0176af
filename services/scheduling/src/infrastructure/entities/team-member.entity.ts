import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What scheduling knows of a member in a structure (profession, roles, sites), kept from directory events. */
@Entity('team_member')
export class TeamMemberEntity {
  @PrimaryColumn('uuid') memberId!: string;
  @PrimaryColumn('uuid') structureId!: string;
  @Column('text') profession!: string;
  @Column('text', { array: true }) roles!: string[];
  @Column('uuid', { array: true }) siteIds!: string[];
  @Column('timestamptz', { nullable: true }) leftAt!: Date | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
