import { Inject, Injectable } from '@nestjs/common';
import type { InternalHttpClient } from '@msp/messaging';
import { INTERNAL_CLIENT_SETTINGS, type InternalClientSettings } from '../../application/internal-client-settings';
import { coordinationClient } from './coordination-client';
import { MemberAgendas, type BusyInterval, type MemberFreeBusy } from '../../application/ports/member-agendas.port';

interface WireInterval {
  startsAt: string;
  endsAt: string;
}

type FreeBusyAnswer = Partial<{
  members: Array<
    Partial<{ memberId: string; busy: WireInterval[]; patientBusy: WireInterval[]; consultingHours: WireInterval[] }>
  >;
}>;

const intervals = (wire: WireInterval[] | undefined): BusyInterval[] =>
  (wire ?? []).map((i) => ({ startsAt: new Date(i.startsAt), endsAt: new Date(i.endsAt) }));

/**
 * Scheduling's free/busy (`POST /internal/agenda/free-busy`), called as service "coordination" with the configured
 * patience; a timeout or an unreachable scheduling is the client's retryable `unavailable` error.
 */
@Injectable()
export class HttpMemberAgendas extends MemberAgendas {
  private readonly client: InternalHttpClient;

  constructor(@Inject(INTERNAL_CLIENT_SETTINGS) settings: InternalClientSettings) {
    super();
    this.client = coordinationClient(settings, 'scheduling', settings.freeBusyTimeoutMs);
  }

  async freeBusy(
    memberIds: readonly string[],
    from: Date,
    to: Date,
    ignoreMeetingId?: string,
  ): Promise<MemberFreeBusy[]> {
    const answer = await this.client.post<FreeBusyAnswer>('/internal/agenda/free-busy', {
      memberIds,
      from: from.toISOString(),
      to: to.toISOString(),
      ...(ignoreMeetingId ? { ignoreMeetingId } : {}),
    });
    return (answer.members ?? []).flatMap((m) =>
      m.memberId
        ? [
            {
              memberId: m.memberId,
              busy: intervals(m.busy),
              // A scheduling that does not tell patients apart: everything busy may be a patient.
              patientBusy: intervals(m.patientBusy ?? m.busy),
              consultingHours: intervals(m.consultingHours),
            },
          ]
        : [],
    );
  }
}
