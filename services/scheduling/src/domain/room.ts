import { SchedulingError } from './scheduling-error';

/** A room of a site (a consultation room, a treatment room…): its kind and the equipment in it. */
export interface Room {
  id: string;
  structureId: string;
  siteId: string;
  label: string;
  /** Lower-case tag chosen by the structure: `consultation`, `soins`, `echographie`… */
  kind: string;
  equipment: string[];
  archivedAt: Date | null;
}

/** What a motif needs of a room: a kind, equipment, or both. */
export interface RoomRequirement {
  motifId: string;
  roomKind: string | null;
  equipment: string[];
}

export type RoomDraft = Omit<Room, 'kind' | 'equipment' | 'archivedAt'> & {
  kind: string;
  equipment?: string[] | null;
};

const MAX_TAGS = 20;

/** Kinds and equipment are compared as tags: trimmed, lower-case, 1 to 40 characters. */
function tag(value: string, field: string): string {
  const tagged = value.trim().toLowerCase();
  if (tagged.length < 1 || tagged.length > 40) throw SchedulingError.invalid(field, 'must be 1 to 40 characters');
  return tagged;
}

function tags(values: readonly string[], field: string): string[] {
  if (values.length > MAX_TAGS) throw SchedulingError.invalid(field, `lists at most ${MAX_TAGS} items`);
  return [...new Set(values.map((value, i) => tag(value, `${field}[${i}]`)))].sort();
}

export function createRoom(draft: RoomDraft, prefix = 'input'): Room {
  const label = draft.label.trim();
  if (label.length < 1 || label.length > 80)
    throw SchedulingError.invalid(`${prefix}.label`, 'must be 1 to 80 characters');
  return {
    id: draft.id,
    structureId: draft.structureId,
    siteId: draft.siteId,
    label,
    kind: tag(draft.kind, `${prefix}.kind`),
    equipment: tags(draft.equipment ?? [], `${prefix}.equipment`),
    archivedAt: null,
  };
}

/** A motif's requirement; null when it needs no room (neither kind nor equipment). */
export function createRoomRequirement(
  motifId: string,
  roomKind: string | null | undefined,
  equipment: readonly string[] | null | undefined,
  prefix = 'input',
): RoomRequirement | null {
  const kind = roomKind?.trim() ? tag(roomKind, `${prefix}.roomKind`) : null;
  const needed = tags(equipment ?? [], `${prefix}.equipment`);
  return kind || needed.length ? { motifId, roomKind: kind, equipment: needed } : null;
}

/** A live room of the right kind with every piece of equipment asked for. */
export function roomSuits(room: Room, requirement: RoomRequirement | null): boolean {
  if (room.archivedAt) return false;
  if (!requirement) return true;
  if (requirement.roomKind && room.kind !== requirement.roomKind) return false;
  return requirement.equipment.every((item) => room.equipment.includes(item));
}

/** For error messages: "a room of kind echographie with echographe". */
export function describeRequirement(requirement: RoomRequirement): string {
  const kind = requirement.roomKind ? `of kind ${requirement.roomKind}` : '';
  const equipment = requirement.equipment.length ? `with ${requirement.equipment.join(', ')}` : '';
  return ['a room', kind, equipment].filter(Boolean).join(' ');
}
