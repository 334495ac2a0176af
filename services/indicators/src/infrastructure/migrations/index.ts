import type { MigrationInterface } from 'typeorm';
import { IndicatorsSchema1764800001000 } from './1764800001000-indicators-schema';

/** Every migration of the indicators database, oldest first. */
export const INDICATORS_MIGRATIONS: Array<new () => MigrationInterface> = [IndicatorsSchema1764800001000];
