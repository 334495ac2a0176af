import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  InternalHttpClient,
  InternalRejectedError,
  InternalTimeoutError,
  InternalUnavailableError,
} from '@msp/messaging';
import { DEPENDENCY_SETTINGS, type DependencySettings } from '../../application/dependency-settings';
import {
  CallerDirectory,
  type CallerIdentification,
  type SiteInformation,
} from '../../application/ports/caller-directory.port';

/** A caller waits on the line meanwhile: past this, the call goes on without knowing who calls. */
const TIMEOUT_MS = 1_500;

type IdentificationAnswer = Partial<{
  kind: string;
  patientId: string;
  medecinTraitantId: string | null;
  passThrough: boolean;
  prefersHuman: boolean;
  structureId: string;
}>;

/** The directory's internal API, called as "call-routing"; a slow, down or refusing directory never stops a call. */
@Injectable()
export class HttpCallerDirectory extends CallerDirectory {
  private readonly logger = new Logger(HttpCallerDirectory.name);
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

  async identify(phone: string, siteId: string): Promise<CallerIdentification> {
    const query = new URLSearchParams({ phone, siteId });
    const answer = await this.degrading('the caller lookup', () =>
      this.client.get<IdentificationAnswer>(`/internal/callers?${query}`),
    );
    return answer ? identification(answer) : { kind: 'unknown' };
  }

  async siteInformation(siteId: string): Promise<SiteInformation | null> {
    const answer = await this.degrading('the site lookup', () =>
      this.client.get<{ name: string; address: string; phoneLines?: string[] }>(
        `/internal/sites/${encodeURIComponent(siteId)}`,
      ),
    );
    return answer ? { name: answer.name, address: answer.address, phoneLines: answer.phoneLines ?? [] } : null;
  }

  /**
   * Null instead of a failure. The client's messages carry the path, hence the caller's number: only the kind of
   * failure is logged.
   */
  private async degrading<T>(what: string, work: () => Promise<T>): Promise<T | null> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof InternalTimeoutError || error instanceof InternalUnavailableError) {
        this.logger.warn(`The directory did not answer ${what} (${error.code}): going on without it`);
        return null;
      }
      if (error instanceof InternalRejectedError) {
        // 404 is an unknown site; 400 a number the directory cannot read. Anything else is our configuration's fault.
        if (error.status !== 404 && error.status !== 400)
          this.logger.warn(`The directory refused ${what} (HTTP ${error.status}, ${error.code}): going on without it`);
        return null;
      }
      throw error;
    }
  }
}

/** Only what the port promises, from an answer another service wrote. */
function identification(answer: IdentificationAnswer): CallerIdentification {
  if (answer.kind === 'patient' && answer.patientId)
    return {
      kind: 'patient',
      patientId: answer.patientId,
      medecinTraitantId: answer.medecinTraitantId ?? null,
      passThrough: answer.passThrough === true,
      prefersHuman: answer.prefersHuman === true,
    };
  if (answer.kind === 'professional' && answer.structureId)
    return { kind: 'professional', structureId: answer.structureId };
  return { kind: 'unknown' };
}
