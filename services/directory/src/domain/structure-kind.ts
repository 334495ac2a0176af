/** MSP: a multi-site group practice; CPTS: the territorial network of professionals around it. */
export type StructureKind = 'MSP' | 'CPTS';
