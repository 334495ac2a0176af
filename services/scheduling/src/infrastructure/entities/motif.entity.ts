import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { BookingChannel } from '../../domain/booking-channel';
import type { ConsultationChannel } from '../../domain/motif';

@Entity('motif')
export class MotifEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') structureId!: string;
  @Column('uuid', { nullable: true }) practitionerId!: string | null;
  @Column('text') label!: string;
  @Column('integer') durationMinutes!: number;
  @Column('text') channel!: ConsultationChannel;
  @Column('text', { array: true }) bookableBy!: BookingChannel[];
  @Column('boolean') newPatientsAllowed!: boolean;
  @Column('integer') bufferAfterMinutes!: number;
  @Column('integer') minNoticeMinutes!: number;
  @Column('integer') maxHorizonDays!: number;
  @Column('integer', { default: 1 }) version!: number;
  /** Set when archived: no longer offered for new bookings; its appointments still read it. */
  @Column('timestamptz', { nullable: true }) archivedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
