import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The only place patient identity is stored on the platform. */
@Entity('patient')
export class PatientEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') structureId!: string;
  @Column('text') firstName!: string;
  @Column('text') lastName!: string;
  /** Accent-free lower-case "last first" for search. */
  @Column('text') searchName!: string;
  @Column('date') birthDate!: string;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('boolean') consentToReminders!: boolean;
  @Column('uuid', { nullable: true }) medecinTraitantId!: string | null;
  /** Calls from this patient go straight through to the practitioner. */
  /** INS matricule (15 characters), when the practice software gave it: once per structure. */
  @Column('text', { nullable: true }) ins!: string | null;
  @Column('boolean') passThrough!: boolean;
  @Column('boolean') prefersHuman!: boolean;
  /** Affection de longue durée: health data, set by staff only, never in an event. */
  @Column('boolean') inAld!: boolean;
  @Column('timestamptz', { nullable: true }) aldChangedAt!: Date | null;
  @Column('uuid', { nullable: true }) aldChangedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
