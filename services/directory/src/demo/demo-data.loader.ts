import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { requireActiveManager, TransactionRunner } from '@msp/persistence';
import { platformActor } from '../application/actor';
import { AddMemberHandler } from '../application/members/add-member.handler';
import { UpdateMemberHandler } from '../application/members/update-member.handler';
import { RegisterPatientHandler } from '../application/patients/register-patient.handler';
import { SetPatientAldHandler } from '../application/patients/set-patient-ald.handler';
import { OpenSiteHandler } from '../application/sites/open-site.handler';
import { CreateStructureHandler } from '../application/structures/create-structure.handler';
import { type DemoDirectory, type DemoStructure, generateDemoDirectory } from './demo-directory';

/** Whether to load the demo data into an empty directory at boot (`DIRECTORY_DEMO_DATA=load`). */
export const DEMO_DATA_ENABLED = Symbol('DEMO_DATA_ENABLED');

/** Any fixed number, the same for every replica; distinct from the migration lock's. */
const DEMO_DATA_LOCK_KEY = 727_274_101;

const DEMO_DATA_ACTOR = platformActor('demo-data');

export interface DemoLoadSummary {
  structures: number;
  sites: number;
  /** People; one may hold memberships in an MSP and in the CPTS. */
  members: number;
  memberships: number;
  patients: number;
}

/**
 * Loads the demo directory at boot when asked to and the directory holds no structure yet. Everything goes through the
 * application handlers, so every rule is checked and every event is recorded in the outbox. The whole load is one
 * transaction (the handlers join it) under an advisory lock: replicas booting together load it once, a later boot sees
 * the structures and loads nothing, and a failure leaves nothing half-written.
 */
@Injectable()
export class DemoDataLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    @Inject(DEMO_DATA_ENABLED) private readonly enabled: boolean,
    private readonly transactions: TransactionRunner,
    private readonly createStructure: CreateStructureHandler,
    private readonly openSite: OpenSiteHandler,
    private readonly addMember: AddMemberHandler,
    private readonly updateMember: UpdateMemberHandler,
    private readonly registerPatient: RegisterPatientHandler,
    private readonly setPatientAld: SetPatientAldHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const started = Date.now();
    const data = generateDemoDirectory();
    const summary = await this.loadIfEmpty(data).catch((error: unknown) => {
      throw new Error(
        `Demo data could not be loaded (nothing was written): ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    });
    if (!summary) {
      this.logger.log('Demo data skipped: the directory already holds structures');
      return;
    }
    // Counts and logins only: patient identity never goes to the logs.
    const { structures, sites, members, memberships, patients } = summary;
    this.logger.log(
      `Demo data loaded in ${Date.now() - started} ms: ${structures} structures, ${sites} sites, ${members} members ` +
        `(${memberships} memberships), ${patients} patients; logins: ${data.logins.map((l) => l.email).join(', ')}`,
    );
  }

  /** Loads `data` unless the directory already holds a structure; null when nothing was loaded. */
  loadIfEmpty(data: DemoDirectory): Promise<DemoLoadSummary | null> {
    return this.transactions.run(async () => {
      const manager = requireActiveManager('Loading demo data');
      await manager.query('select pg_advisory_xact_lock($1)', [DEMO_DATA_LOCK_KEY]);
      // Read committed: this statement sees whatever a replica that held the lock before us committed.
      const [{ present }] = await manager.query<Array<{ present: boolean }>>(
        'select exists (select 1 from structure) as present',
      );
      if (present) return null;

      const memberIds = new Map<string, string>();
      const summary: DemoLoadSummary = { structures: 0, sites: 0, members: 0, memberships: 0, patients: 0 };
      const cpts = await this.create(data.cpts, null, memberIds, summary);
      for (const msp of data.msps) {
        const created = await this.create(msp, cpts.structureId, memberIds, summary);
        await this.populate(msp, created, memberIds, summary);
      }
      // The CPTS last: its members are people of the MSPs, who must exist first.
      await this.populate(data.cpts, cpts, memberIds, summary);
      summary.members = memberIds.size;
      return summary;
    });
  }

  private async create(
    structure: DemoStructure,
    cptsId: string | null,
    memberIds: Map<string, string>,
    summary: DemoLoadSummary,
  ): Promise<{ structureId: string; admin: UserContext }> {
    const { roles: _roles, ...administratorInput } = structure.administrator;
    const created = await this.createStructure.execute(DEMO_DATA_ACTOR, {
      kind: structure.kind,
      name: structure.name,
      cptsId,
      administrator: administratorInput,
    });
    memberIds.set(structure.administrator.email, created.administrator.id);
    summary.structures++;
    summary.memberships++;
    const structureId = created.structure.id;
    return {
      structureId,
      admin: {
        memberId: created.administrator.id,
        memberships: [{ structureId, roles: ['administrator'], siteIds: [] }],
      },
    };
  }

  private async populate(
    structure: DemoStructure,
    { structureId, admin }: { structureId: string; admin: UserContext },
    memberIds: Map<string, string>,
    summary: DemoLoadSummary,
  ): Promise<void> {
    const administratorRoles = structure.administrator.roles;
    if (administratorRoles.some((role) => role !== 'administrator')) {
      await this.updateMember.execute(admin, { memberId: admin.memberId, structureId, roles: administratorRoles });
    }

    const siteIds = new Map<string, string>();
    for (const site of structure.sites) {
      const opened = await this.openSite.execute(admin, { structureId, ...site });
      siteIds.set(site.name, opened.id);
      summary.sites++;
    }
    const sitesOf = (names: readonly string[]) => names.map((name) => required(siteIds, name, 'site'));

    for (const member of structure.members) {
      const added = await this.addMember.execute(admin, {
        structureId,
        firstName: member.firstName,
        lastName: member.lastName,
        email: member.email,
        profession: member.profession,
        rpps: member.rpps,
        roles: member.roles,
        siteIds: sitesOf(member.siteNames),
        referentId: member.referentEmail ? required(memberIds, member.referentEmail, 'referent') : null,
        backupReferentId: member.backupReferentEmail
          ? required(memberIds, member.backupReferentEmail, 'backup referent')
          : null,
      });
      memberIds.set(member.email, added.id);
      summary.memberships++;
    }

    if (!structure.patients.length) return;
    const registrar = structure.members.find((m) => m.email === structure.registrarEmail);
    if (!registrar)
      throw new Error(
        `${structure.name}: the patients' registrar ${structure.registrarEmail} is not one of its members`,
      );
    const secretary: UserContext = {
      memberId: required(memberIds, registrar.email, 'registrar'),
      memberships: [{ structureId, roles: registrar.roles, siteIds: sitesOf(registrar.siteNames) }],
    };
    for (const patient of structure.patients) {
      const registered = await this.registerPatient.execute(secretary, {
        structureId,
        firstName: patient.firstName,
        lastName: patient.lastName,
        birthDate: patient.birthDate,
        phone: patient.phone,
        email: patient.email,
        consentToReminders: patient.consentToReminders,
        medecinTraitantId: patient.medecinTraitantEmail
          ? required(memberIds, patient.medecinTraitantEmail, 'médecin traitant')
          : null,
        passThrough: patient.passThrough,
        prefersHuman: patient.prefersHuman,
      });
      if (patient.inAld) await this.setPatientAld.execute(secretary, { patientId: registered.id, inAld: true });
      summary.patients++;
    }
  }
}

function required(ids: ReadonlyMap<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Demo data refers to an unknown ${what} "${key}"`);
  return id;
}
