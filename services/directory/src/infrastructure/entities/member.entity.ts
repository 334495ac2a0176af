import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Profession } from '../../domain/profession';

@Entity('member')
export class MemberEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') firstName!: string;
  @Column('text') lastName!: string;
  @Column('text') email!: string;
  @Column('text', { nullable: true }) rpps!: string | null;
  @Column('text') profession!: Profession;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
