import type { MigrationInterface } from 'typeorm';
import { IndicatorsSchema1764800001000 } from './1764800001000-indicators-schema';
import { IndicatorInputs1764800005000 } from './1764800005000-indicator-inputs';

/** Every migration of the indicators database, oldest first. */
export const INDICATORS_MIGRATIONS: Array<new () => MigrationInterface> = [
  IndicatorsSchema1764800001000,
  IndicatorInputs1764800005000,
];
