import { Inject, Injectable } from '@nestjs/common';
import {
  InternalHttpClient,
  InternalRejectedError,
  InternalTimeoutError,
  InternalUnavailableError,
} from '@msp/messaging';
import { PATIENT_SERVICES_SETTINGS, type PatientServicesSettings } from '../../application/patient-services-settings';
import { DirectoryUnavailableError } from '../../application/ports/directory-unavailable.error';
import {
  DirectoryRefusal,
  PatientDirectory,
  type ContactPurpose,
  type PatientContact,
  type PracticeProfile,
  type ReminderConsentSnapshot,
  type SiteSummary,
  type TeamSnapshot,
  type TypedIdentity,
} from '../../application/ports/patient-directory.port';

const TIMEOUT_MS = 2_000;

/** The directory's internal HTTP API, called as service "scheduling", signed with its own key. */
@Injectable()
export class HttpPatientDirectory extends PatientDirectory {
  private readonly client: InternalHttpClient;

  constructor(@Inject(PATIENT_SERVICES_SETTINGS) settings: PatientServicesSettings) {
    super();
    this.client = new InternalHttpClient({
      caller: 'scheduling',
      target: 'directory',
      baseUrl: settings.directoryInternalUrl,
      privateKey: settings.servicePrivateKey,
      timeoutMs: TIMEOUT_MS,
    });
  }

  async matchPatient(identity: Omit<TypedIdentity, 'firstName'>): Promise<string | null> {
    const answer = await this.call(
      () => this.client.post<{ patientId: string }>('/internal/patients/match', identity),
      true,
    );
    return answer?.patientId ?? null;
  }

  async isPatientOf(structureId: string, patientId: string): Promise<boolean> {
    const path = `/internal/structures/${encodeURIComponent(structureId)}/patients/${encodeURIComponent(patientId)}`;
    return (await this.call(() => this.client.get<{ patientId: string }>(path), true)) !== null;
  }

  async isMspOfCpts(structureId: string, cptsId: string): Promise<boolean> {
    const path = `/internal/cpts/${encodeURIComponent(cptsId)}/structures/${encodeURIComponent(structureId)}`;
    return (await this.call(() => this.client.get<{ structureId: string }>(path), true)) !== null;
  }

  async openRegistrationRequest(identity: TypedIdentity): Promise<string> {
    return (
      await this.call(() =>
        this.client.post<{ requestId: string }>('/internal/patient-registration-requests', identity),
      )
    ).requestId;
  }

  async registerFromRequest(requestId: string, memberId: string): Promise<string> {
    const path = `/internal/patient-registration-requests/${encodeURIComponent(requestId)}/register`;
    return (await this.call(() => this.client.post<{ patientId: string }>(path, { memberId }))).patientId;
  }

  async discardRegistrationRequest(requestId: string): Promise<void> {
    await this.call(
      () => this.client.post(`/internal/patient-registration-requests/${encodeURIComponent(requestId)}/discard`, {}),
      true,
    );
  }

  async site(siteId: string): Promise<SiteSummary | null> {
    const answer = await this.call(
      () => this.client.get<SiteSummary>(`/internal/sites/${encodeURIComponent(siteId)}`),
      true,
    );
    return answer
      ? { siteId: answer.siteId, name: answer.name, address: answer.address, phoneLines: answer.phoneLines ?? [] }
      : null;
  }

  async practiceProfile(structureId: string): Promise<PracticeProfile | null> {
    const answer = await this.call(
      () => this.client.get<PracticeProfile>(`/internal/structures/${encodeURIComponent(structureId)}/public-profile`),
      true,
    );
    // Field by field: whatever the directory adds to its answer does not reach the public page unseen.
    return answer
      ? {
          structureId: answer.structureId,
          name: answer.name,
          sites: answer.sites.map((site) => ({
            siteId: site.siteId,
            name: site.name,
            address: site.address,
            city: site.city,
            timeZone: site.timeZone,
            phone: site.phone ?? null,
          })),
          practitioners: answer.practitioners.map((p) => ({
            memberId: p.memberId,
            displayName: p.displayName,
            profession: p.profession,
            siteIds: p.siteIds,
          })),
        }
      : null;
  }

  async team(): Promise<TeamSnapshot | null> {
    const team = await this.call(() => this.client.get<TeamSnapshot>('/internal/team'), true);
    if (!team) return null;
    // A directory that does not offer consents yet (404) leaves them to the events.
    const consents = await this.call(
      () => this.client.get<{ consents: ReminderConsentSnapshot[] }>('/internal/reminder-consents'),
      true,
    );
    return { ...team, reminderConsents: consents?.consents ?? [] };
  }

  async patientContact(
    structureId: string,
    patientId: string,
    purpose: ContactPurpose,
  ): Promise<PatientContact | null> {
    const path =
      `/internal/structures/${encodeURIComponent(structureId)}/patients/${encodeURIComponent(patientId)}/contact` +
      `?purpose=${purpose}`;
    const answer = await this.call(() => this.client.get<PatientContact>(path), true);
    return answer
      ? {
          structureName: answer.structureName,
          consentToReminders: answer.consentToReminders,
          phone: answer.phone,
          email: answer.email,
        }
      : null;
  }

  private async call<T>(work: () => Promise<T>, notFoundIsNull: true): Promise<T | null>;
  private async call<T>(work: () => Promise<T>, notFoundIsNull?: false): Promise<T>;
  private async call<T>(work: () => Promise<T>, notFoundIsNull = false): Promise<T | null> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof InternalTimeoutError || error instanceof InternalUnavailableError)
        throw new DirectoryUnavailableError(error.message);
      if (error instanceof InternalRejectedError) {
        if (error.status === 404 && notFoundIsNull) return null;
        if (error.status === 401 || error.status === 403)
          throw new DirectoryUnavailableError(`refused our service token (${error.code})`);
        throw new DirectoryRefusal(error.field, error.message);
      }
      throw error;
    }
  }
}
