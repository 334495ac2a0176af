import type { INestApplication } from '@nestjs/common';
import { startPlatformService } from '@msp/service-kit';
import { AppModule } from './app.module';
import type { IndicatorsConfig } from './config/indicators.config';

/** Creates and starts the indicators service; `main.ts` and the tests share this path. */
export function startIndicators(config: IndicatorsConfig): Promise<INestApplication> {
  // An import carries its file in base64 (2 MB at most, about 2.7 MB of JSON): refused with a named field above that.
  return startPlatformService('Indicators', AppModule.forRoot(config), config, { jsonBodyLimit: '4mb' });
}
