/** Indicators maps no TypeORM entity: its repositories speak raw SQL over the migrated schema. */
export const INDICATORS_ENTITIES: [] = [];
