import type { MigrationInterface } from 'typeorm';
import { IndicatorsSchema1764800001000 } from './1764800001000-indicators-schema';
import { IndicatorInputs1764800005000 } from './1764800005000-indicator-inputs';
import { OpeningFacts1764800006000 } from './1764800006000-opening-facts';
import { AciFacts1764800007000 } from './1764800007000-aci-facts';
import { RecomputeQueue1764800008000 } from './1764800008000-recompute-queue';

/** Every migration of the indicators database, oldest first. */
export const INDICATORS_MIGRATIONS: Array<new () => MigrationInterface> = [
  IndicatorsSchema1764800001000,
  IndicatorInputs1764800005000,
  OpeningFacts1764800006000,
  AciFacts1764800007000,
  RecomputeQueue1764800008000,
];
