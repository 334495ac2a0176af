import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One read of one patient's identity: who, when, through which operation. Append-only. */
@Entity('patient_access_log')
export class PatientAccessLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('timestamptz') at!: Date;
  @Column('uuid') memberId!: string;
  /** Null for a platform service's read of a structure's patients as a whole (counts and opaque ids). */
  @Column('uuid', { nullable: true }) patientId!: string | null;
  @Column('uuid') structureId!: string;
  @Column('text') operation!: string;
}
