import type { INestApplication } from '@nestjs/common';
import { startPlatformService } from '@msp/service-kit';
import { AppModule } from './app.module';
import type { DirectoryConfig } from './config/directory.config';

/** Creates and starts the directory service; `main.ts` and the tests share this path. */
export function startDirectory(config: DirectoryConfig): Promise<INestApplication> {
  return startPlatformService('Directory', AppModule.forRoot(config), config);
}
