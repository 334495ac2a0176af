import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Identity a patient typed when booking online without being known to the practice. It stays here, in the directory,
 * until staff confirm the booking (the patient is then registered from it) or turn it down (the row is deleted).
 */
@Entity('patient_registration_request')
export class PatientRegistrationRequestEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') structureId!: string;
  @Column('text') firstName!: string;
  @Column('text') lastName!: string;
  @Column('date') birthDate!: string;
  /** E.164. */
  @Column('text') phone!: string;
  /** Set once staff registered the patient from this request. */
  @Column('uuid', { nullable: true }) patientId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
