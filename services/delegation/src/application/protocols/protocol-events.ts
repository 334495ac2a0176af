import type { ProtocolFactsV1 } from '@msp/contracts';
import { isPluriprofessional } from '../../domain/protocols/protocol';
import type { Protocol } from '../ports/protocol.repository';

/** What the protocol events say of a version: its shape and minutes, never its procedure. */
export function protocolFacts(protocol: Protocol, catalogueMinutes: number): ProtocolFactsV1 {
  const content = protocol.current.content;
  return {
    protocolId: protocol.id,
    structureId: protocol.structureId,
    version: protocol.currentVersion,
    taskType: content.taskType,
    validationCircuit: content.validationCircuit,
    executingRoles: content.executingRoles,
    professions: content.professions,
    pluriprofessional: isPluriprofessional(content.professions),
    standardMinutes: content.standardMinutes ?? catalogueMinutes,
  };
}
