import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { activeManager, requireActiveManager } from '@msp/persistence';
import type { PatientMessageKind, PatientMessageTemplate } from '../../domain/patient-message';
import {
  PatientMessageTemplateRepository,
  type StoredPatientMessageTemplate,
} from '../../application/ports/patient-message-template.repository';

interface Row {
  kind: PatientMessageKind;
  subject: string;
  body: string;
  sms: string;
  updated_by: string;
  updated_at: Date;
}

const toTemplate = (r: Row): StoredPatientMessageTemplate => ({
  kind: r.kind,
  subject: r.subject,
  body: r.body,
  sms: r.sms,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

@Injectable()
export class TypeOrmPatientMessageTemplateRepository implements PatientMessageTemplateRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db(): EntityManager {
    return activeManager() ?? this.dataSource.manager;
  }

  async ofStructure(structureId: string): Promise<StoredPatientMessageTemplate[]> {
    const rows: Row[] = await this.db.query(
      `select kind, subject, body, sms, updated_by, updated_at from patient_message_template where structure_id = $1 order by kind`,
      [structureId],
    );
    return rows.map(toTemplate);
  }

  async find(structureId: string, kind: PatientMessageKind): Promise<StoredPatientMessageTemplate | null> {
    const rows: Row[] = await this.db.query(
      `select kind, subject, body, sms, updated_by, updated_at from patient_message_template where structure_id = $1 and kind = $2`,
      [structureId, kind],
    );
    return rows[0] ? toTemplate(rows[0]) : null;
  }

  async save(
    structureId: string,
    template: PatientMessageTemplate & { kind: PatientMessageKind },
    updatedBy: string,
    at: Date,
  ): Promise<void> {
    await requireActiveManager('Saving a message template').query(
      `insert into patient_message_template (structure_id, kind, subject, body, sms, updated_by, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (structure_id, kind) do update
         set subject = excluded.subject, body = excluded.body, sms = excluded.sms,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [structureId, template.kind, template.subject, template.body, template.sms, updatedBy, at],
    );
  }

  async remove(structureId: string, kind: PatientMessageKind): Promise<boolean> {
    const [, count]: [unknown, number] = await requireActiveManager('Resetting a message template').query(
      `delete from patient_message_template where structure_id = $1 and kind = $2`,
      [structureId, kind],
    );
    return count > 0;
  }
}
