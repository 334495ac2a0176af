import { Injectable } from '@nestjs/common';
import { requireActiveManager } from '@msp/persistence';
import { AbsenceRepository, type Absence } from '../../application/ports/absence.repository';
import { ScheduleExceptionEntity } from '../entities/schedule-exception.entity';

/** Absences in `schedule_exception`, inside the caller's transaction. */
@Injectable()
export class TypeOrmAbsenceRepository implements AbsenceRepository {
  async insert(absence: Absence): Promise<void> {
    await requireActiveManager('Declaring an absence').insert(ScheduleExceptionEntity, { ...absence });
  }

  async lockById(id: string): Promise<Absence | null> {
    const entity = await requireActiveManager('Locking an absence').findOne(ScheduleExceptionEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!entity) return null;
    return {
      id: entity.id,
      structureId: entity.structureId,
      practitionerId: entity.practitionerId,
      kind: entity.kind,
      startsAt: entity.startsAt,
      endsAt: entity.endsAt,
      declaredBy: entity.declaredBy,
    };
  }

  async endAt(id: string, endsAt: Date): Promise<void> {
    await requireActiveManager('Ending an absence').update(ScheduleExceptionEntity, { id }, { endsAt });
  }

  async withdraw(id: string): Promise<void> {
    await requireActiveManager('Withdrawing an absence').delete(ScheduleExceptionEntity, { id });
  }
}
