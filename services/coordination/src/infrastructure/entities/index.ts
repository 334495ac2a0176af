/** Coordination maps no TypeORM entity: its repositories speak raw SQL over the migrated schema. */
export const COORDINATION_ENTITIES: [] = [];
