import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ExceptionKind } from '../../domain/schedule-exception';

@Entity('schedule_exception')
export class ScheduleExceptionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') structureId!: string;
  @Column('uuid') practitionerId!: string;
  @Column('text') kind!: ExceptionKind;
  @Column('timestamptz') startsAt!: Date;
  @Column('timestamptz') endsAt!: Date;
  @Column('text') declaredBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
