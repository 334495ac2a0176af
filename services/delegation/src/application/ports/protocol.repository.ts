import type { ProtocolContent, ProtocolStatus } from '../../domain/protocols/protocol';

export interface ProtocolVersion {
  version: number;
  content: ProtocolContent;
  writtenBy: string;
  writtenAt: Date;
  adoptedBy: string | null;
  adoptedAt: Date | null;
  /** The coordination meeting that adopted it, when one did. */
  meetingId: string | null;
}

/** A protocol with its current version's content; earlier versions are read apart. */
export interface Protocol {
  id: string;
  structureId: string;
  status: ProtocolStatus;
  currentVersion: number;
  current: ProtocolVersion;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export abstract class ProtocolRepository {
  abstract insert(protocol: Protocol): Promise<void>;
  /** Writes the protocol row and its current version (a new version is inserted, the current one replaced). */
  abstract save(protocol: Protocol): Promise<void>;
  /** The protocol, locked for this transaction when `forUpdate`. */
  abstract byId(protocolId: string, forUpdate?: boolean): Promise<Protocol | null>;
  abstract ofStructure(structureId: string): Promise<Protocol[]>;
  /** Every version of each protocol, newest first, in one query. */
  abstract versionsOf(protocolIds: readonly string[]): Promise<Array<ProtocolVersion & { protocolId: string }>>;
  abstract version(protocolId: string, version: number): Promise<ProtocolVersion | null>;
  /** The adopted protocol of a task type in a structure, if any (at most one). */
  abstract adoptedFor(structureId: string, taskType: string): Promise<Protocol | null>;
  abstract isEmpty(): Promise<boolean>;
}
