import type { MigrationInterface } from 'typeorm';
import { CoordinationSchema1764700001000 } from './1764700001000-coordination-schema';

/** Every migration of coordination's database, oldest first. */
export const COORDINATION_MIGRATIONS: Array<new () => MigrationInterface> = [CoordinationSchema1764700001000];
