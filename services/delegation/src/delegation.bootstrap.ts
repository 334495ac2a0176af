import type { INestApplication } from '@nestjs/common';
import { startPlatformService } from '@msp/service-kit';
import { AppModule } from './app.module';
import type { DelegationConfig } from './config/delegation.config';

/** Creates and starts the delegation service; `main.ts` and the tests share this path. */
export function startDelegation(config: DelegationConfig): Promise<INestApplication> {
  return startPlatformService('Delegation', AppModule.forRoot(config), config);
}
