import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AppointmentStatus } from '../../domain/appointment-status';
import type { BookingChannel } from '../../domain/booking-channel';

/** One appointment or hold; the exclusion constraint `appointment_no_overlap` keeps a practitioner's live ones apart. */
@Entity('appointment')
export class AppointmentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') structureId!: string;
  @Column('uuid') siteId!: string;
  @Column('uuid') practitionerId!: string;
  /** Opaque directory id; null only while a hold waits for the caller to be identified. */
  @Column('uuid', { nullable: true }) patientId!: string | null;
  @Column('uuid') motifId!: string;
  /** The room booked with it; `appointment_room_no_overlap` keeps a room's live ones apart. */
  @Column('uuid', { nullable: true }) roomId!: string | null;
  @Column('timestamptz') startsAt!: Date;
  @Column('timestamptz') endsAt!: Date;
  @Column('text') status!: AppointmentStatus;
  @Column('timestamptz', { nullable: true }) holdExpiresAt!: Date | null;
  @Column('text') bookedBy!: BookingChannel;
  /** The member (or service) who booked it. */
  @Column('text') bookedByActor!: string;
  /** A pooled SNP booking (SCH-4): the CPTS member MSP that booked it, whose patient it is; null otherwise. */
  @Column('uuid', { nullable: true }) bookingStructureId!: string | null;
  @Column('text', { nullable: true }) cancelledBy!: string | null;
  @Column('text', { nullable: true }) cancelReason!: string | null;
  @Column('timestamptz', { nullable: true }) cancelledAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
