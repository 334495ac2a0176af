/** Call routing maps no TypeORM entity: its repositories speak raw SQL over the migrated schema. */
export const CALL_ROUTING_ENTITIES: [] = [];
