/**
 * The practice's public booking API (scheduling's `/public/<structureId>/…`, forwarded by the gateway on its own
 * origin): plain JSON over fetch, no session, no GraphQL. Motifs, slots and bookings carry ids and times only, never
 * anyone's identity; `practice` names the practice, its sites and its practitioners, to put names on those ids.
 */

export interface PracticeSite {
  id: string;
  name: string;
  /** "14 rue des Lices, 35160 Montfort-sur-Meu". */
  address: string;
  city: string;
  timeZone: string;
  /** The desk's number, E.164 (`+33299094120`), or null. */
  phone: string | null;
}

export interface PracticePractitioner {
  id: string;
  /** "Dr Yann Le Gall". */
  displayName: string;
  /** The directory's profession code (`general_practitioner`), named in French by `publicBooking.profession`. */
  profession: string;
  siteIds: string[];
}

export interface PracticeProfile {
  structureId: string;
  name: string;
  sites: PracticeSite[];
  practitioners: PracticePractitioner[];
}

export interface PublicMotif {
  id: string;
  label: string;
  durationMinutes: number;
  channel: 'cabinet' | 'teleconsultation' | 'home_visit' | string;
  practitionerId: string | null;
  newPatientsAllowed: boolean;
}

export interface PublicSlot {
  practitionerId: string;
  siteId: string;
  motifId: string;
  startsAt: string;
  endsAt: string;
  /** The site's zone: the page shows the practice's hours whatever the phone's zone. */
  timeZone: string;
}

export interface OnlinePatientForm {
  lastName: string;
  firstName: string;
  birthDate: string;
  phone: string;
}

export interface BookingReceipt {
  status: 'received';
  requestId: string;
  holdExpiresAt: string | null;
  practitionerId: string;
  siteId: string;
  motifId: string;
  startsAt: string;
  endsAt: string;
}

/** The platform's refusal (`{ code, message, field? }`), with the HTTP status; status 0 when the network failed. */
export class PublicApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch {
    throw new PublicApiError(0, 'NETWORK', 'network');
  }
  const body = (await response.json().catch(() => null)) as
    (T & { code?: string; message?: string; field?: string }) | null;
  if (!response.ok || !body)
    throw new PublicApiError(
      response.status,
      body?.code ?? 'HTTP',
      body?.message ?? `HTTP ${response.status}`,
      body?.field,
    );
  return body;
}

const base = (structureId: string) => `/public/${encodeURIComponent(structureId)}`;

export function fetchPractice(structureId: string): Promise<PracticeProfile> {
  return call<PracticeProfile>(`${base(structureId)}/practice`);
}

export async function fetchMotifs(structureId: string): Promise<PublicMotif[]> {
  return (await call<{ motifs: PublicMotif[] }>(`${base(structureId)}/motifs`)).motifs;
}

export async function fetchSlots(
  structureId: string,
  search: { motifId: string; from: string; to: string; practitionerId?: string | null; siteId?: string | null },
): Promise<PublicSlot[]> {
  const query = new URLSearchParams({ motifId: search.motifId, from: search.from, to: search.to });
  if (search.practitionerId) query.set('practitionerId', search.practitionerId);
  if (search.siteId) query.set('siteId', search.siteId);
  return (await call<{ slots: PublicSlot[] }>(`${base(structureId)}/slots?${query}`)).slots;
}

export function bookOnline(
  structureId: string,
  booking: { motifId: string; practitionerId: string; siteId: string; startsAt: string; patient: OnlinePatientForm },
): Promise<BookingReceipt> {
  return call<BookingReceipt>(`${base(structureId)}/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(booking),
  });
}
