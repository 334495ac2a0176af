import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@msp/auth';

/** A member's place in one structure; a member may belong to an MSP and to the CPTS around it. */
@Entity('membership')
export class MembershipEntity {
  @PrimaryColumn('uuid') memberId!: string;
  @PrimaryColumn('uuid') structureId!: string;
  @Column('text', { array: true }) roles!: Role[];
  @Column('uuid', { array: true }) siteIds!: string[];
  @Column('uuid', { nullable: true }) referentId!: string | null;
  @Column('uuid', { nullable: true }) backupReferentId!: string | null;
  @Column('timestamptz') joinedAt!: Date;
  @Column('timestamptz', { nullable: true }) leftAt!: Date | null;
}
