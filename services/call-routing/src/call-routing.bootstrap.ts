import type { INestApplication } from '@nestjs/common';
import { startPlatformService } from '@msp/service-kit';
import { AppModule } from './app.module';
import type { CallRoutingConfig } from './config/call-routing.config';

/** Creates and starts the call-routing service; `main.ts` and the tests share this path. */
export function startCallRouting(config: CallRoutingConfig): Promise<INestApplication> {
  return startPlatformService('CallRouting', AppModule.forRoot(config), config);
}
