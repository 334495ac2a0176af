import type { INestApplication } from '@nestjs/common';
import { startPlatformService } from '@msp/service-kit';
import { AppModule } from './app.module';
import type { SchedulingConfig } from './config/scheduling.config';

/** Creates and starts the scheduling service; `main.ts` and the tests share this path. */
export function startScheduling(config: SchedulingConfig): Promise<INestApplication> {
  return startPlatformService('Scheduling', AppModule.forRoot(config), config);
}
