import 'reflect-metadata';
import { startIndicators } from './indicators.bootstrap';
import { IndicatorsConfig } from './config/indicators.config';

startIndicators(IndicatorsConfig.fromEnv(process.env)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
