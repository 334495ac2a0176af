import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  InternalHttpClient,
  InternalRejectedError,
  InternalTimeoutError,
  InternalUnavailableError,
} from '@msp/messaging';
import { DEPENDENCY_SETTINGS, type DependencySettings } from '../../application/dependency-settings';
import {
  AgendaPort,
  AgendaRefusedError,
  AgendaUnavailableError,
  type CallerAppointment,
  type OfferedSlot,
} from '../../application/ports/agenda.port';

interface SlotAnswer {
  practitionerId: string;
  siteId: string;
  motifId: string;
  startsAt: string;
}

interface AppointmentAnswer extends SlotAnswer {
  id: string;
  motifLabel: string;
}

/** Statuses that are scheduling's answer to this request (slot taken, hold lapsed, not theirs, bad input). */
const REFUSALS = new Set([400, 404, 409, 422]);

const path = (...segments: string[]): string =>
  `/internal/agenda/${segments.map((s) => encodeURIComponent(s)).join('/')}`;

/**
 * Scheduling's internal agenda API, called as "call-routing" with the configured timeout. A timeout, an unreachable or
 * failing scheduling (or one refusing our token) is `AgendaUnavailableError`: the call degrades to a message (CAL-7).
 */
@Injectable()
export class HttpAgenda extends AgendaPort {
  private readonly logger = new Logger(HttpAgenda.name);
  private readonly client: InternalHttpClient;

  constructor(@Inject(DEPENDENCY_SETTINGS) settings: DependencySettings) {
    super();
    this.client = new InternalHttpClient({
      caller: 'call-routing',
      target: 'scheduling',
      baseUrl: settings.schedulingInternalUrl,
      privateKey: settings.servicePrivateKey,
      timeoutMs: settings.schedulingTimeoutMs,
    });
  }

  async nextSlots(input: Parameters<AgendaPort['nextSlots']>[0]): Promise<OfferedSlot[]> {
    const { slots } = await this.call(() =>
      this.client.post<{ slots: SlotAnswer[] }>('/internal/agenda/free-slots', {
        motifId: input.motifId,
        from: input.from,
        to: input.to,
        practitionerIds: input.practitionerIds ?? [],
        siteIds: input.siteIds ?? [],
        limit: input.limit,
      }),
    );
    return slots.map(offeredSlot);
  }

  async book(slot: OfferedSlot, patientId: string): Promise<string> {
    const hold = await this.call(() =>
      this.client.post<{ id: string }>('/internal/agenda/holds', { ...offeredSlot(slot), patientId }),
    );
    try {
      const confirmed = await this.call(() =>
        this.client.post<{ id: string }>(path('holds', hold.id, 'confirm'), { patientId }),
      );
      return confirmed.id;
    } catch (error) {
      // Unknown whether the confirmation went through: release the hold if we still can, so the slot is not kept.
      if (error instanceof AgendaUnavailableError)
        await this.cancel(hold.id).catch(() =>
          this.logger.warn(`Hold ${hold.id} could not be released after a failed confirmation; it will lapse`),
        );
      throw error;
    }
  }

  async upcoming(structureId: string, patientId: string): Promise<CallerAppointment[]> {
    const query = new URLSearchParams({ structureId });
    const { appointments } = await this.call(() =>
      this.client.get<{ appointments: AppointmentAnswer[] }>(`${path('patients', patientId, 'appointments')}?${query}`),
    );
    return appointments.map((a) => ({ ...offeredSlot(a), id: a.id, motifLabel: a.motifLabel }));
  }

  async move(appointmentId: string, patientId: string, slot: OfferedSlot): Promise<void> {
    await this.call(() =>
      this.client.post(path('appointments', appointmentId, 'move'), {
        patientId,
        startsAt: slot.startsAt,
        practitionerId: slot.practitionerId,
        siteId: slot.siteId,
      }),
    );
  }

  async cancel(appointmentId: string): Promise<void> {
    await this.call(() =>
      this.client.post(path('appointments', appointmentId, 'cancel'), {
        reason: 'patient_request',
        cancelledBy: 'virtual_secretary',
      }),
    );
  }

  async phoneMotif(structureId: string): Promise<string | null> {
    try {
      const answer = await this.call(() =>
        this.client.get<{ id: string }>(`/internal/agenda/structures/${encodeURIComponent(structureId)}/phone-motif`),
      );
      return answer.id;
    } catch (error) {
      if (error instanceof AgendaRefusedError) return null;
      throw error;
    }
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof InternalTimeoutError || error instanceof InternalUnavailableError)
        throw new AgendaUnavailableError(error.message);
      if (error instanceof InternalRejectedError) {
        if (REFUSALS.has(error.status)) throw new AgendaRefusedError(error.code, error.message);
        throw new AgendaUnavailableError(`${error.code} (HTTP ${error.status})`);
      }
      throw error;
    }
  }
}

const offeredSlot = (s: SlotAnswer): OfferedSlot => ({
  practitionerId: s.practitionerId,
  siteId: s.siteId,
  motifId: s.motifId,
  startsAt: s.startsAt,
});
