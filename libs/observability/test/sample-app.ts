import { Body, Controller, Get, Injectable, INestApplication, Module, OnModuleInit, Param, Post } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { ObservabilityModule, ObservabilityOptions, ReadinessCheck, useObservabilityLogger } from '../src';

/** A readiness check whose outcome the test controls. */
@Injectable()
export class SwitchableCheck implements ReadinessCheck {
  readonly name = 'switchable';
  failure: string | undefined;
  hang = false;

  async check(): Promise<void> {
    if (this.hang) await new Promise(() => undefined);
    if (this.failure) throw new Error(this.failure);
  }
}

@Controller('members')
class MembersController {
  constructor(private readonly logger: Logger) {}

  @Get(':id')
  find(@Param('id') id: string): { id: string } {
    this.logger.log(`member looked up`, 'MembersController');
    return { id };
  }

  @Post()
  create(@Body() body: Record<string, unknown>): { received: number } {
    return { received: Object.keys(body).length };
  }
}

/** Stands in for Apollo: a handler mounted on the HTTP adapter after Nest's middleware, outside Nest's router. */
@Injectable()
class MountedGraphqlStub implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter.use(
      '/graphql',
      (_req: unknown, res: { setHeader(n: string, v: string): void; end(b: string): void }) => {
        res.setHeader('content-type', 'application/json');
        res.end('{"data":{}}');
      },
    );
  }
}

/** The check lives in a feature module that does not export it: readiness must find it anyway. */
@Module({ controllers: [MembersController], providers: [SwitchableCheck, MountedGraphqlStub] })
class FeatureModule {}

export async function startSampleApp(options: Partial<ObservabilityOptions> = {}): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ObservabilityModule.forRoot({
        serviceName: 'sample',
        readinessChecks: [SwitchableCheck],
        logLevel: 'silent',
        ...options,
      }),
      FeatureModule,
    ],
  }).compile();
  const app = useObservabilityLogger(moduleRef.createNestApplication({ bufferLogs: true }));
  await app.init();
  return app;
}
