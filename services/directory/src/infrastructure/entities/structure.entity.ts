import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { StructureKind } from '../../domain/structure-kind';

@Entity('structure')
export class StructureEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') kind!: StructureKind;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) finess!: string | null;
  /** The CPTS whose territory this MSP is in. */
  @Column('uuid', { nullable: true }) cptsId!: string | null;
  /** The default zone of the sites it opens. */
  @Column('text') timeZone!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
