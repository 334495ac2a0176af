import { Test } from '@nestjs/testing';
import { ObservabilityModule } from '../src';

describe('readiness wiring', () => {
  it('refuses to start when a listed readiness check is provided nowhere', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({ serviceName: 'sample', logLevel: 'silent', readinessChecks: ['MISSING_CHECK'] }),
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await expect(app.init()).rejects.toThrow('Readiness check MISSING_CHECK is not provided by any module');
    await app.close();
  });

  it('refuses a provider that is not a readiness check', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({ serviceName: 'sample', logLevel: 'silent', readinessChecks: ['NOT_A_CHECK'] }),
      ],
      providers: [{ provide: 'NOT_A_CHECK', useValue: { name: 'x' } }],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await expect(app.init()).rejects.toThrow('Readiness check NOT_A_CHECK does not implement ReadinessCheck');
    await app.close();
  });
});
