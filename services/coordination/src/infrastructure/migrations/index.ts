import type { MigrationInterface } from 'typeorm';
import { CoordinationSchema1764700001000 } from './1764700001000-coordination-schema';
import { SeriesMaterialisedUntil1764700002000 } from './1764700002000-series-materialised-until';

/** Every migration of coordination's database, oldest first. */
export const COORDINATION_MIGRATIONS: Array<new () => MigrationInterface> = [
  CoordinationSchema1764700001000,
  SeriesMaterialisedUntil1764700002000,
];
