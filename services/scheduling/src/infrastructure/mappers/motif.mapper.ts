import type { Motif } from '../../domain/motif';
import { MotifEntity } from '../entities/motif.entity';

export function motifToEntity(motif: Motif): MotifEntity {
  return Object.assign(new MotifEntity(), motif, { version: motif.version ?? 1, archivedAt: motif.archivedAt ?? null });
}

export function motifFromEntity(entity: MotifEntity): Motif {
  return {
    id: entity.id,
    structureId: entity.structureId,
    practitionerId: entity.practitionerId,
    label: entity.label,
    durationMinutes: entity.durationMinutes,
    channel: entity.channel,
    bookableBy: entity.bookableBy,
    newPatientsAllowed: entity.newPatientsAllowed,
    bufferAfterMinutes: entity.bufferAfterMinutes,
    minNoticeMinutes: entity.minNoticeMinutes,
    maxHorizonDays: entity.maxHorizonDays,
    version: entity.version,
    archivedAt: entity.archivedAt,
  };
}
