import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One read of one patient's identity: who, when, through which operation. Append-only. */
@Entity('patient_access_log')
export class PatientAccessLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('timestamptz') at!: Date;
  @Column('uuid') memberId!: string;
  @Column('uuid') patientId!: string;
  @Column('uuid') structureId!: string;
  @Column('text') operation!: string;
}
