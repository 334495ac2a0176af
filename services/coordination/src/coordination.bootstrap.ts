import type { INestApplication } from '@nestjs/common';
import { startPlatformService } from '@msp/service-kit';
import { AppModule } from './app.module';
import type { CoordinationConfig } from './config/coordination.config';

/** Creates and starts the coordination service; `main.ts` and the tests share this path. */
export function startCoordination(config: CoordinationConfig): Promise<INestApplication> {
  return startPlatformService('Coordination', AppModule.forRoot(config), config);
}
