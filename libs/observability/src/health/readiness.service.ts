import { Inject, Injectable, InjectionToken, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { OBSERVABILITY_OPTIONS, ObservabilityOptions } from '../observability-options';
import { isReadinessCheck, ReadinessCheck } from './readiness-check';
import { ReadinessReport } from './readiness-report';

const DEFAULT_TIMEOUT_MS = 3_000;

/** Runs every registered readiness check in parallel, each under a timeout, and says whether the service can take traffic. */
@Injectable()
export class ReadinessService implements OnApplicationBootstrap, OnModuleDestroy {
  private checks: ReadinessCheck[] = [];
  private shuttingDown = false;

  constructor(
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Checks live in the modules that own the dependency, so they are looked up across the whole application. */
  onApplicationBootstrap(): void {
    const checks = (this.options.readinessChecks ?? []).map((token) => this.resolve(token));
    const names = checks.map((c) => c.name);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate) throw new Error(`Two readiness checks are named "${duplicate}": names must be unique`);
    this.checks = checks;
  }

  /** Once shutdown starts, the load balancer should stop sending requests even though dependencies are still up. */
  onModuleDestroy(): void {
    this.shuttingDown = true;
  }

  async report(): Promise<ReadinessReport> {
    if (this.shuttingDown) {
      return { status: 'unavailable', checks: {}, reasons: { service: 'the service is shutting down' } };
    }
    const outcomes = await Promise.all(this.checks.map(async (check) => ({ check, failure: await this.run(check) })));
    const report: ReadinessReport = { status: 'ok', checks: {} };
    for (const { check, failure } of outcomes) {
      report.checks[check.name] = failure === undefined ? 'up' : 'down';
      if (failure !== undefined) {
        report.status = 'unavailable';
        report.reasons = { ...report.reasons, [check.name]: failure };
      }
    }
    return report;
  }

  /** Returns undefined when the check passed, else the reason it did not. */
  private async run(check: ReadinessCheck): Promise<string | undefined> {
    const timeoutMs = this.options.readinessTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([check.check(), timeout]);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message || error.name : String(error);
    } finally {
      clearTimeout(timer);
    }
  }

  private resolve(token: InjectionToken): ReadinessCheck {
    const label = typeof token === 'function' ? token.name : String(token);
    let candidate: unknown;
    try {
      candidate = this.moduleRef.get(token, { strict: false });
    } catch {
      throw new Error(`Readiness check ${label} is not provided by any module: add it to a module's providers`);
    }
    if (!isReadinessCheck(candidate)) throw new Error(`Readiness check ${label} does not implement ReadinessCheck`);
    return candidate;
  }
}
