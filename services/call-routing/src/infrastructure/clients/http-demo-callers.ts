import { Inject, Injectable, Logger } from '@nestjs/common';
import { InternalHttpClient, InternalRejectedError } from '@msp/messaging';
import { DEPENDENCY_SETTINGS, type DependencySettings } from '../../application/dependency-settings';
import { DemoCallers, type DemoCallerNumber } from '../../application/ports/demo-callers.port';

/** The demo month asks once per structure, in the background: no caller waits on it. */
const TIMEOUT_MS = 10_000;

/**
 * The directory's `GET /internal/demo-callers`, a development-only route (INTERNAL_DEVELOPMENT_ROUTES=on, the local
 * stack): 404 elsewhere, which reads as "no known numbers". Numbers never reach a log here.
 */
@Injectable()
export class HttpDemoCallers extends DemoCallers {
  private readonly logger = new Logger('DemoMonth');
  private readonly client: InternalHttpClient;

  constructor(@Inject(DEPENDENCY_SETTINGS) settings: DependencySettings) {
    super();
    this.client = new InternalHttpClient({
      caller: 'call-routing',
      target: 'directory',
      baseUrl: settings.directoryInternalUrl,
      privateKey: settings.servicePrivateKey,
      timeoutMs: TIMEOUT_MS,
    });
  }

  async ofStructure(structureId: string): Promise<DemoCallerNumber[]> {
    const query = new URLSearchParams({ structureId });
    try {
      const answer = await this.client.get<{ callers?: Array<Partial<DemoCallerNumber>> }>(
        `/internal/demo-callers?${query}`,
      );
      return (answer.callers ?? []).flatMap((c) =>
        typeof c.phone === 'string' ? [{ phone: c.phone, medecinTraitantId: c.medecinTraitantId ?? null }] : [],
      );
    } catch (error) {
      const why = error instanceof InternalRejectedError ? `HTTP ${error.status} ${error.code}` : (error as Error).name;
      this.logger.warn(
        `The directory gave no demo caller numbers for structure ${structureId} (${why}): its patients call from numbers it does not know`,
      );
      return [];
    }
  }
}
