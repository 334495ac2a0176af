import { randomUUID } from 'node:crypto';
import type { Role, UserContext } from '@msp/auth';
import { type EventPayloads, type EventType, validateEventPayload } from '@msp/contracts';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { type Member, type MemberFilter, MemberRepository } from '../../../src/application/ports/member.repository';
import { type Membership, MembershipRepository } from '../../../src/application/ports/membership.repository';
import {
  type AccessLogQuery,
  type PatientAccessEntry,
  PatientAccessLogRepository,
} from '../../../src/application/ports/patient-access-log.repository';
import {
  type PatientRegistrationRequest,
  PatientRegistrationRequestRepository,
} from '../../../src/application/ports/patient-registration-request.repository';
import {
  type Patient,
  type PatientMatchCriteria,
  PatientRepository,
  type PatientSearchCriteria,
} from '../../../src/application/ports/patient.repository';
import { type Site, SiteRepository } from '../../../src/application/ports/site.repository';
import { type Structure, StructureRepository } from '../../../src/application/ports/structure.repository';
import type { Profession } from '../../../src/domain/profession';
import { searchText } from '../../../src/domain/search-text';

/** Everything the directory stores, in memory: what the repository fakes read and write. */
export interface DirectoryState {
  structures: Structure[];
  sites: Site[];
  members: Member[];
  memberships: Membership[];
  patients: Patient[];
  accessLog: PatientAccessEntry[];
  requests: PatientRegistrationRequest[];
  events: Array<{ type: EventType; data: unknown }>;
}

const emptyState = (): DirectoryState => ({
  structures: [],
  sites: [],
  members: [],
  memberships: [],
  patients: [],
  accessLog: [],
  requests: [],
  events: [],
});

/** Copies in and out, as a database would: a handler mutating what it read changes nothing until it writes. */
const copy = <T>(value: T): T => structuredClone(value);

export class FixedClock extends Clock {
  constructor(private readonly at: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.at);
  }
}

/** One transaction at a time; a failed work rolls the whole state back, events included. */
class InMemoryTransactions extends TransactionRunner {
  depth = 0;

  constructor(private readonly db: InMemoryDirectory) {
    super(undefined as never);
  }

  override async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.depth) return work();
    const before = copy(this.db.state);
    this.depth++;
    try {
      return await work();
    } catch (error) {
      this.db.state = before;
      throw error;
    } finally {
      this.depth--;
    }
  }
}

/** Records events as the outbox would, refusing a payload its schema refuses and one written outside a transaction. */
class RecordingOutbox extends OutboxWriter {
  constructor(private readonly db: InMemoryDirectory) {
    super({ serviceName: 'directory', brokers: [] });
  }

  override async record<K extends EventType>(type: K, data: EventPayloads[K]): Promise<string> {
    if (!this.db.transactions.depth) throw new Error(`Recording ${type} outside a transaction`);
    validateEventPayload(type, data);
    this.db.state.events.push({ type, data: copy(data) });
    return randomUUID();
  }
}

class InMemoryStructures extends StructureRepository {
  constructor(private readonly db: InMemoryDirectory) {
    super();
  }
  async findById(id: string) {
    return copy(this.db.state.structures.find((s) => s.id === id) ?? null);
  }
  async findByIds(ids: readonly string[]) {
    const found = this.db.state.structures.filter((s) => ids.includes(s.id));
    return copy(found.sort((a, b) => a.name.localeCompare(b.name)));
  }
  async exists(id: string) {
    return this.db.state.structures.some((s) => s.id === id);
  }
  async insert(structure: Structure) {
    this.db.state.structures.push(copy(structure));
  }
}

class InMemorySites extends SiteRepository {
  constructor(private readonly db: InMemoryDirectory) {
    super();
  }
  async findById(id: string) {
    return copy(this.db.state.sites.find((s) => s.id === id) ?? null);
  }
  async lockById(id: string) {
    this.db.requireTransaction('Locking a site');
    return this.findById(id);
  }
  async findByIds(ids: readonly string[]) {
    return copy(this.db.state.sites.filter((s) => ids.includes(s.id)));
  }
  async ofStructure(structureId: string) {
    const found = this.db.state.sites.filter((s) => s.structureId === structureId);
    return copy(found.sort((a, b) => a.name.localeCompare(b.name)));
  }
  async idsInStructure(structureId: string, ids: readonly string[]) {
    return this.db.state.sites.filter((s) => s.structureId === structureId && ids.includes(s.id)).map((s) => s.id);
  }
  async findByPhoneLine(phone: string) {
    return copy(this.db.state.sites.find((s) => s.phoneLines.includes(phone)) ?? null);
  }
  async all() {
    return copy([...this.db.state.sites].sort((a, b) => a.id.localeCompare(b.id)));
  }
  async insert(site: Site) {
    this.db.state.sites.push(copy(site));
  }
  async update(site: Site) {
    this.db.replace('sites', (s) => s.id === site.id, site);
  }
}

class InMemoryMembers extends MemberRepository {
  constructor(private readonly db: InMemoryDirectory) {
    super();
  }
  async findById(id: string) {
    return copy(this.db.state.members.find((m) => m.id === id) ?? null);
  }
  async findByIds(ids: readonly string[]) {
    return copy(this.db.state.members.filter((m) => ids.includes(m.id)));
  }
  async findByEmail(email: string) {
    return copy(this.db.state.members.find((m) => m.email.toLowerCase() === email.toLowerCase()) ?? null);
  }
  async currentMembers(filter: MemberFilter) {
    const current = this.db.state.memberships.filter(
      (ms) =>
        ms.structureId === filter.structureId && !ms.leftAt && (!filter.siteId || ms.siteIds.includes(filter.siteId)),
    );
    const found = this.db.state.members.filter(
      (m) => current.some((ms) => ms.memberId === m.id) && (!filter.profession || m.profession === filter.profession),
    );
    return copy(found.sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName)));
  }
  async professions() {
    return new Map<string, Profession>(this.db.state.members.map((m) => [m.id, m.profession]));
  }
  async insert(member: Member) {
    this.db.state.members.push(copy(member));
  }
  async update(member: Member) {
    this.db.replace('members', (m) => m.id === member.id, member);
  }
}

class InMemoryMemberships extends MembershipRepository {
  constructor(private readonly db: InMemoryDirectory) {
    super();
  }
  async find(memberId: string, structureId: string) {
    const found = this.db.state.memberships.find((m) => m.memberId === memberId && m.structureId === structureId);
    return copy(found ?? null);
  }
  async lock(memberId: string, structureId: string) {
    this.db.requireTransaction('Locking a membership');
    return this.find(memberId, structureId);
  }
  async currentOf(memberIds: readonly string[], structureIds: readonly string[]) {
    return copy(
      this.db.state.memberships.filter(
        (m) => memberIds.includes(m.memberId) && structureIds.includes(m.structureId) && !m.leftAt,
      ),
    );
  }
  async currentOfMember(memberId: string) {
    return copy(this.db.state.memberships.filter((m) => m.memberId === memberId && !m.leftAt));
  }
  async allCurrent() {
    return copy(this.db.state.memberships.filter((m) => !m.leftAt));
  }
  async countDelegatesOf(structureId: string, memberId: string) {
    return this.db.state.memberships.filter(
      (m) =>
        m.structureId === structureId && !m.leftAt && (m.referentId === memberId || m.backupReferentId === memberId),
    ).length;
  }
  async insert(membership: Membership) {
    if (await this.find(membership.memberId, membership.structureId)) throw new Error('membership_pkey violated');
    this.db.state.memberships.push(copy(membership));
  }
  async update(membership: Membership) {
    this.db.replace(
      'memberships',
      (m) => m.memberId === membership.memberId && m.structureId === membership.structureId,
      membership,
    );
  }
}

class InMemoryPatients extends PatientRepository {
  constructor(private readonly db: InMemoryDirectory) {
    super();
  }
  async findById(id: string) {
    return copy(this.db.state.patients.find((p) => p.id === id) ?? null);
  }
  async lockById(id: string) {
    this.db.requireTransaction('Locking a patient');
    return this.findById(id);
  }
  async findByIds(ids: readonly string[]) {
    return copy(this.db.state.patients.filter((p) => ids.includes(p.id)));
  }
  async search(criteria: PatientSearchCriteria) {
    const found = this.db.state.patients.filter((p) => {
      const name = searchText(`${p.lastName} ${p.firstName}`).split(' ');
      return (
        p.structureId === criteria.structureId &&
        criteria.words.every((w) => name.some((part) => part.startsWith(w))) &&
        (!criteria.birthDate || p.birthDate === criteria.birthDate) &&
        (!criteria.phone || p.phone === criteria.phone)
      );
    });
    return copy(found.slice(0, criteria.limit));
  }
  async match(criteria: PatientMatchCriteria) {
    const found = this.db.state.patients.filter((p) => {
      const name = searchText(`${p.lastName} ${p.firstName}`);
      return (
        p.structureId === criteria.structureId &&
        p.birthDate === criteria.birthDate &&
        p.phone === criteria.phone &&
        (name === criteria.lastName || name.startsWith(`${criteria.lastName} `))
      );
    });
    return copy(found.slice(0, 2));
  }
  async withPhone(structureId: string, phone: string) {
    return copy(this.db.state.patients.filter((p) => p.structureId === structureId && p.phone === phone));
  }
  async insert(patient: Patient) {
    this.db.state.patients.push(copy(patient));
  }
  async update(patient: Patient) {
    this.db.replace('patients', (p) => p.id === patient.id, patient);
  }
}

class InMemoryAccessLog extends PatientAccessLogRepository {
  constructor(private readonly db: InMemoryDirectory) {
    super();
  }
  async append(entries: ReadonlyArray<Omit<PatientAccessEntry, 'id'>>) {
    this.db.requireTransaction('Writing the patient access log');
    for (const entry of entries) this.db.state.accessLog.push(copy({ ...entry, id: String(this.db.nextId++) }));
  }
  async list(query: AccessLogQuery) {
    const found = this.db.state.accessLog.filter(
      (e) =>
        e.structureId === query.structureId &&
        (!query.patientId || e.patientId === query.patientId) &&
        (!query.memberId || e.memberId === query.memberId),
    );
    return copy(found.reverse().slice(0, query.limit));
  }
}

class InMemoryRequests extends PatientRegistrationRequestRepository {
  constructor(private readonly db: InMemoryDirectory) {
    super();
  }
  async insert(request: PatientRegistrationRequest) {
    this.db.state.requests.push(copy(request));
  }
  async lockById(id: string) {
    this.db.requireTransaction('Locking a registration request');
    return copy(this.db.state.requests.find((r) => r.id === id) ?? null);
  }
  async markRegistered(id: string, patientId: string) {
    const request = this.db.state.requests.find((r) => r.id === id);
    if (request) request.patientId = patientId;
  }
  async deleteUnregistered(id: string) {
    this.db.state.requests = this.db.state.requests.filter((r) => r.id !== id || r.patientId);
  }
}

type Rows = { [K in keyof DirectoryState]: DirectoryState[K] extends Array<infer R> ? R : never };

/**
 * The directory's repository ports, transactions, outbox and clock in memory, for unit specs of the application
 * handlers: fast, no database, and rolled back like a transaction when a handler refuses.
 */
export class InMemoryDirectory {
  state = emptyState();
  nextId = 1;
  readonly clock: FixedClock;
  readonly transactions = new InMemoryTransactions(this);
  readonly outbox: OutboxWriter = new RecordingOutbox(this);
  readonly structures = new InMemoryStructures(this);
  readonly sites = new InMemorySites(this);
  readonly members = new InMemoryMembers(this);
  readonly memberships = new InMemoryMemberships(this);
  readonly patients = new InMemoryPatients(this);
  readonly accessLog = new InMemoryAccessLog(this);
  readonly requests = new InMemoryRequests(this);

  constructor(now = new Date('2026-03-10T09:30:00Z')) {
    this.clock = new FixedClock(now);
  }

  requireTransaction(operation: string): void {
    if (!this.transactions.depth) throw new Error(`${operation} must run inside a transaction`);
  }

  replace<K extends keyof Rows>(table: K, where: (row: Rows[K]) => boolean, row: Rows[K]): void {
    const rows = this.state[table] as Array<Rows[K]>;
    const index = rows.findIndex(where);
    if (index < 0) throw new Error(`No ${String(table)} row to update`);
    rows[index] = copy(row);
  }

  events(type: EventType): unknown[] {
    return this.state.events.filter((e) => e.type === type).map((e) => e.data);
  }

  // Seeding, straight into the state: what earlier use cases would have left.

  structure(name = 'MSP des Tilleuls', kind: Structure['kind'] = 'MSP'): Structure {
    const structure: Structure = { id: randomUUID(), kind, name, finess: null, cptsId: null, createdAt: new Date(0) };
    this.state.structures.push(copy(structure));
    return structure;
  }

  site(structureId: string, overrides: Partial<Site> = {}): Site {
    const site: Site = {
      id: randomUUID(),
      structureId,
      name: 'Centre',
      addressLine: '1 rue de la Paix',
      postalCode: '35000',
      city: 'Rennes',
      phoneLines: ['+33299000000'],
      timeZone: 'Europe/Paris',
      openingHours: [{ weekday: 1, opens: '08:00', closes: '19:00' }],
      createdAt: new Date(0),
      ...overrides,
    };
    this.state.sites.push(copy(site));
    return site;
  }

  /** A member with a current membership of the structure. */
  member(
    structureId: string,
    profession: Profession,
    roles: Role[],
    overrides: Partial<Member & Pick<Membership, 'referentId' | 'leftAt' | 'siteIds'>> = {},
  ): Member {
    const { referentId = null, leftAt = null, siteIds = [], ...memberOverrides } = overrides;
    const id = memberOverrides.id ?? randomUUID();
    const member: Member = {
      id,
      firstName: 'Camille',
      lastName: `Membre${this.nextId++}`,
      email: `${id}@msp.test`,
      rpps: null,
      profession,
      createdAt: new Date(0),
      ...memberOverrides,
    };
    if (!this.state.members.some((m) => m.id === id)) this.state.members.push(copy(member));
    this.state.memberships.push({
      memberId: id,
      structureId,
      roles,
      siteIds,
      referentId,
      backupReferentId: null,
      joinedAt: new Date(0),
      leftAt,
    });
    return member;
  }

  patient(structureId: string, overrides: Partial<Patient> = {}): Patient {
    const patient: Patient = {
      id: randomUUID(),
      structureId,
      firstName: 'Hélène',
      lastName: 'Dupré',
      birthDate: '1948-03-02',
      phone: '+33612345678',
      email: null,
      consentToReminders: false,
      medecinTraitantId: null,
      passThrough: false,
      prefersHuman: false,
      createdAt: new Date(0),
      updatedAt: new Date(0),
      ...overrides,
    };
    this.state.patients.push(copy(patient));
    return patient;
  }
}

/** The caller as the gateway would vouch for them: one membership with these roles. */
export function userIn(structureId: string, roles: Role[], memberId: string = randomUUID()): UserContext {
  return { memberId, memberships: [{ structureId, roles, siteIds: [] }] };
}
