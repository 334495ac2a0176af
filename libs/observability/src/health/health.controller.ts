import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ReadinessReport } from './readiness-report';
import { ReadinessService } from './readiness.service';

@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** Answers while the event loop runs: a restart is the only cure for a process that cannot answer this. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<ReadinessReport> {
    const report = await this.readiness.report();
    if (report.status !== 'ok') throw new ServiceUnavailableException(report);
    return report;
  }
}
