import { join } from 'node:path';
import { LintFinding, lintAsService, PlantedSource } from './support/lint-as-service';

// The layer rules of eslint.config.mjs (docs/service-anatomy.md), run on code planted at virtual paths of a service that
// does not exist: each violation must fail with its rule's message (which says what to do instead), and the code each
// layer is meant to hold must pass, so a rule that grows too broad fails here too.

const REPO_ROOT = join(__dirname, '..', '..', '..');
const src = (path: string): string => `services/anyservice/src/${path}`;

const MESSAGES = {
  domainPure: 'domain/ is pure: it imports nothing from application/, infrastructure/ or interface/',
  domainNoNest: 'domain/ does not depend on Nest',
  domainNoDatabase: 'domain/ knows no database or broker',
  domainOnlyErrorsAndContracts:
    'domain/ may use @msp/errors, @msp/calendar, @msp/french-csv (pure text rules) and types from @msp/contracts only',
  domainContractTypesOnly: 'domain/ may import only types from @msp/contracts',
  domainNoClock: 'domain/ never reads the clock',
  applicationOnPorts: 'application/ depends on ports, not implementations',
  applicationNotInterface: 'application/ never imports interface/',
  applicationNoTypeOrm: 'application/ never touches TypeORM',
  applicationNoDrivers: 'application/ never uses the PostgreSQL or Kafka drivers',
  nowFromClock: '"Now" comes from Clock',
  noDataSource: 'Only infrastructure/ uses DataSource or EntityManager',
  noTransactionManager: 'Only infrastructure/ repositories join the transaction',
  infrastructureNotInterface: 'infrastructure/ never imports interface/',
  interfaceNotInfrastructure: 'interface/ never reaches infrastructure/',
  interfaceNoTypeOrm: 'interface/ never touches TypeORM',
  eventHandlersPlace: '@HandleEvent methods live in interface/events/',
  noTestHarness: 'The test harness (@msp/testing) is for specs only',
} as const;

const violations: Array<
  PlantedSource & {
    rule: 'no-restricted-imports' | 'no-restricted-syntax' | '@typescript-eslint/no-restricted-imports';
    message: string;
  }
> = [
  {
    name: 'service wiring importing the test harness',
    filePath: src('app.module.ts'),
    code: `import { createTestDatabase } from '@msp/testing';\nexport const database = createTestDatabase;\n`,
    rule: '@typescript-eslint/no-restricted-imports',
    message: MESSAGES.noTestHarness,
  },
  {
    name: 'a lib importing the test harness',
    filePath: 'libs/anylib/src/planted.ts',
    code: `import { expectEventually } from '@msp/testing';\nexport const wait = expectEventually;\n`,
    rule: '@typescript-eslint/no-restricted-imports',
    message: MESSAGES.noTestHarness,
  },
  {
    name: 'domain importing typeorm',
    filePath: src('domain/planted.ts'),
    code: `import { Entity } from 'typeorm';\nexport const decorator = Entity;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.domainNoDatabase,
  },
  {
    name: 'domain importing @nestjs/common',
    filePath: src('domain/planted.ts'),
    code: `import { Injectable } from '@nestjs/common';\nexport const decorator = Injectable;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.domainNoNest,
  },
  {
    name: 'domain importing application/',
    filePath: src('domain/planted.ts'),
    code: `import { bookAppointment } from '../application/x';\nexport const use = bookAppointment;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.domainPure,
  },
  {
    name: 'domain importing infrastructure/',
    filePath: src('domain/booking/planted.ts'),
    code: `import { AppointmentEntity } from '../../infrastructure/x';\nexport type Row = AppointmentEntity;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.domainPure,
  },
  {
    name: 'domain importing a platform lib other than @msp/errors and @msp/calendar',
    filePath: src('domain/planted.ts'),
    code: `import { OutboxWriter } from '@msp/messaging';\nexport type Writer = OutboxWriter;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.domainOnlyErrorsAndContracts,
  },
  {
    name: 'domain importing a value (not a type) from @msp/contracts',
    filePath: src('domain/planted.ts'),
    code: `import { allTopics } from '@msp/contracts';\nexport const topics = allTopics;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.domainContractTypesOnly,
  },
  {
    name: 'domain reading the clock',
    filePath: src('domain/planted.ts'),
    code: `export const isPast = (instant: Date): boolean => instant < new Date();\n`,
    rule: 'no-restricted-syntax',
    message: MESSAGES.domainNoClock,
  },
  {
    name: 'application importing a repository from infrastructure/',
    filePath: src('application/booking/planted.ts'),
    code: `import { AppointmentRepository } from '../../infrastructure/repositories/x';\nexport type Port = AppointmentRepository;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.applicationOnPorts,
  },
  {
    name: 'application importing interface/',
    filePath: src('application/booking/planted.ts'),
    code: `import { AppointmentType } from '../../interface/graphql/types/x';\nexport type Shown = AppointmentType;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.applicationNotInterface,
  },
  {
    name: 'application importing typeorm',
    filePath: src('application/booking/planted.ts'),
    code: `import { In } from 'typeorm';\nexport const any = In;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.applicationNoTypeOrm,
  },
  {
    name: 'application importing the PostgreSQL driver',
    filePath: src('application/booking/planted.ts'),
    code: `import { DatabaseError } from 'pg';\nexport const isDatabaseError = (e: unknown): boolean => e instanceof DatabaseError;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.applicationNoDrivers,
  },
  {
    name: 'application using DataSource (however it got it)',
    filePath: src('application/booking/planted.ts'),
    code: `import type { DataSource } from '@msp/persistence';\nexport const rows = (source: DataSource): Promise<unknown> => source.query('SELECT 1');\n`,
    rule: 'no-restricted-syntax',
    message: MESSAGES.noDataSource,
  },
  {
    name: 'application naming EntityManager',
    filePath: src('application/booking/planted.ts'),
    code: `export type Work<T> = (manager: EntityManager) => Promise<T>;\n`,
    rule: 'no-restricted-syntax',
    message: MESSAGES.noDataSource,
  },
  {
    name: "application writing through the transaction's manager (requireActiveManager)",
    filePath: src('application/projections/planted.ts'),
    code: `import { requireActiveManager } from '@msp/persistence';\nexport const forget = (id: string): Promise<unknown> => requireActiveManager('x').query('DELETE FROM t WHERE id = $1', [id]);\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.noTransactionManager,
  },
  {
    name: "an event handler writing through the transaction's manager (activeManager)",
    filePath: src('interface/events/planted.ts'),
    code: `import { activeManager } from '@msp/persistence';\nexport const manager = activeManager;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.noTransactionManager,
  },
  {
    name: 'application calling new Date() for "now"',
    filePath: src('application/booking/planted.ts'),
    code: `export const stamp = (): string => new Date().toISOString();\n`,
    rule: 'no-restricted-syntax',
    message: MESSAGES.nowFromClock,
  },
  {
    name: 'application calling Date.now()',
    filePath: src('application/booking/planted.ts'),
    code: `export const stamp = (): number => Date.now();\n`,
    rule: 'no-restricted-syntax',
    message: MESSAGES.nowFromClock,
  },
  {
    name: '@HandleEvent in application/',
    filePath: src('application/projections/planted.ts'),
    code: [
      `import { HandleEvent } from '@msp/messaging';`,
      `export class SiteProjection {`,
      `  @HandleEvent('directory.site.opened.v1')`,
      `  async onSiteOpened(payload: unknown): Promise<unknown> {`,
      `    return payload;`,
      `  }`,
      `}`,
      ``,
    ].join('\n'),
    rule: 'no-restricted-syntax',
    message: MESSAGES.eventHandlersPlace,
  },
  {
    name: '@HandleEvent in interface/graphql/',
    filePath: src('interface/graphql/planted.ts'),
    code: [
      `import { HandleEvent } from '@msp/messaging';`,
      `export class SiteResolver {`,
      `  @HandleEvent('directory.site.opened.v1')`,
      `  async onSiteOpened(payload: unknown): Promise<unknown> {`,
      `    return payload;`,
      `  }`,
      `}`,
      ``,
    ].join('\n'),
    rule: 'no-restricted-syntax',
    message: MESSAGES.eventHandlersPlace,
  },
  {
    name: 'infrastructure importing interface/',
    filePath: src('infrastructure/repositories/planted.ts'),
    code: `import { AppointmentType } from '../../interface/graphql/types/x';\nexport type Shown = AppointmentType;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.infrastructureNotInterface,
  },
  {
    name: 'interface importing infrastructure/',
    filePath: src('interface/graphql/planted.ts'),
    code: `import { AgendaRepository } from '../../infrastructure/x';\nexport type Reader = AgendaRepository;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.interfaceNotInfrastructure,
  },
  {
    name: 'an event handler importing infrastructure/',
    filePath: src('interface/events/planted.ts'),
    code: `import { TeamRepository } from '../../infrastructure/repositories/x';\nexport type Writer = TeamRepository;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.interfaceNotInfrastructure,
  },
  {
    name: 'interface importing typeorm',
    filePath: src('interface/internal/planted.ts'),
    code: `import { Repository } from 'typeorm';\nexport type Rows = Repository<object>;\n`,
    rule: 'no-restricted-imports',
    message: MESSAGES.interfaceNoTypeOrm,
  },
];

const cleanCode: PlantedSource[] = [
  {
    name: 'domain: pure rules on luxon, @msp/errors, @msp/calendar, @msp/french-csv, contract types, the professions vocabulary and explicit instants',
    filePath: src('domain/booking/planted.ts'),
    code: [
      `import { DateTime } from 'luxon';`,
      `import { atWallTime } from '@msp/calendar';`,
      `import { normaliseHeaderName } from '@msp/french-csv';`,
      `import type { OpeningHoursV1 } from '@msp/contracts';`,
      `import { isPhysicianProfession } from '@msp/contracts/professions';`,
      `import { DomainError } from '@msp/errors';`,
      `import { Interval } from '../interval';`,
      `export const EPOCH = new Date(0);`,
      `export const localDay = (at: Date, zone: string): string => DateTime.fromJSDate(at, { zone }).toISODate() ?? '';`,
      `export type Hours = OpeningHoursV1;`,
      `export type Failure = DomainError;`,
      `export type Span = Interval;`,
      `export const nine = (date: string, zone: string): Date => atWallTime(date, { hour: 9, minute: 0 }, zone);`,
      `export const header = (name: string): string => normaliseHeaderName(name);`,
      `export const physician = (profession: string): boolean => isPhysicianProfession(profession);`,
      ``,
    ].join('\n'),
  },
  {
    name: 'application: a handler on ports, the Clock, TransactionRunner and OutboxWriter',
    filePath: src('application/booking/planted.ts'),
    code: [
      `import { Injectable } from '@nestjs/common';`,
      `import { OutboxWriter } from '@msp/messaging';`,
      `import { TransactionRunner } from '@msp/persistence';`,
      `import { Clock } from '@msp/service-kit';`,
      `import { Appointment } from '../../domain/appointment';`,
      `import { AppointmentRepository } from '../ports/appointment.repository';`,
      `@Injectable()`,
      `export class CancelAppointmentHandler {`,
      `  constructor(`,
      `    private readonly appointments: AppointmentRepository,`,
      `    private readonly transactions: TransactionRunner,`,
      `    private readonly outbox: OutboxWriter,`,
      `    private readonly clock: Clock,`,
      `  ) {}`,
      `  async execute(actor: { memberId: string }, input: { id: string }): Promise<Appointment> {`,
      `    const now = this.clock.now();`,
      `    const deadline = new Date(now.getTime() + 60_000);`,
      `    return this.transactions.run(() => this.appointments.cancel(input.id, actor.memberId, deadline, this.outbox));`,
      `  }`,
      `}`,
      ``,
    ].join('\n'),
  },
  {
    name: 'infrastructure: a TypeORM repository implementing an application port',
    filePath: src('infrastructure/repositories/planted.ts'),
    code: [
      `import { Injectable } from '@nestjs/common';`,
      `import { DataSource, EntityManager } from 'typeorm';`,
      `import { activeManager } from '@msp/persistence';`,
      `import { AppointmentRepository } from '../../application/ports/appointment.repository';`,
      `import { Appointment } from '../../domain/appointment';`,
      `@Injectable()`,
      `export class TypeOrmAppointmentRepository extends AppointmentRepository {`,
      `  constructor(private readonly dataSource: DataSource) {`,
      `    super();`,
      `  }`,
      `  private get manager(): EntityManager {`,
      `    return activeManager() ?? this.dataSource.manager;`,
      `  }`,
      `  async find(id: string): Promise<Appointment | null> {`,
      `    return this.manager.query('SELECT 1 WHERE $1 = $1', [id]);`,
      `  }`,
      `}`,
      ``,
    ].join('\n'),
  },
  {
    name: 'interface/graphql: a resolver calling an application handler',
    filePath: src('interface/graphql/resolvers/planted.ts'),
    code: [
      `import { Args, Mutation, Resolver } from '@nestjs/graphql';`,
      `import { CancelAppointmentHandler } from '../../../application/booking/cancel-appointment.handler';`,
      `import { AppointmentType } from '../types/appointment.type';`,
      `@Resolver(() => AppointmentType)`,
      `export class AppointmentResolver {`,
      `  constructor(private readonly cancel: CancelAppointmentHandler) {}`,
      `  @Mutation(() => AppointmentType)`,
      `  cancelAppointment(@Args('id') id: string): Promise<AppointmentType> {`,
      `    return this.cancel.execute({ memberId: 'm' }, { id });`,
      `  }`,
      `}`,
      ``,
    ].join('\n'),
  },
  {
    name: 'interface/events: a thin @HandleEvent handler calling a projection',
    filePath: src('interface/events/planted.ts'),
    code: [
      `import { Injectable } from '@nestjs/common';`,
      `import { HandleEvent } from '@msp/messaging';`,
      `import { SiteProjection } from '../../application/projections/site.projection';`,
      `@Injectable()`,
      `export class DirectoryEventsHandler {`,
      `  constructor(private readonly sites: SiteProjection) {}`,
      `  @HandleEvent('directory.site.opened.v1')`,
      `  onSiteOpened(payload: { siteId: string }): Promise<void> {`,
      `    return this.sites.opened(payload.siteId);`,
      `  }`,
      `}`,
      ``,
    ].join('\n'),
  },
  {
    name: 'wiring: a feature module binding a port to its TypeORM implementation',
    filePath: src('modules/booking.module.ts'),
    code: [
      `import { Module } from '@nestjs/common';`,
      `import { TypeOrmModule } from '@nestjs/typeorm';`,
      `import { AppointmentRepository } from '../application/ports/appointment.repository';`,
      `import { AppointmentEntity } from '../infrastructure/entities/appointment.entity';`,
      `import { TypeOrmAppointmentRepository } from '../infrastructure/repositories/typeorm-appointment.repository';`,
      `import { AppointmentResolver } from '../interface/graphql/resolvers/appointment.resolver';`,
      `@Module({`,
      `  imports: [TypeOrmModule.forFeature([AppointmentEntity])],`,
      `  providers: [AppointmentResolver, { provide: AppointmentRepository, useClass: TypeOrmAppointmentRepository }],`,
      `})`,
      `export class BookingModule {}`,
      ``,
    ].join('\n'),
  },
  {
    name: 'a service spec using the test harness',
    filePath: src('domain/harness.spec.ts'),
    code: `import { expectEventually } from '@msp/testing';\nexport const wait = expectEventually;\n`,
  },
  {
    name: 'a domain spec reading the real clock',
    filePath: src('domain/planted.spec.ts'),
    code: `import { Interval } from './interval';\nexport const started = new Date();\nexport type Span = Interval;\n`,
  },
];

describe('service layer lint rules', () => {
  let findings: Map<string, LintFinding[]>;

  beforeAll(() => {
    findings = lintAsService(REPO_ROOT, [...violations, ...cleanCode]);
  });

  it.each(violations.map((c) => [c.name, c] as const))("refuses %s with that rule's message", (_name, planted) => {
    const found = findings.get(planted.name) ?? [];
    expect(found).not.toHaveLength(0);
    for (const finding of found) {
      expect(finding).toEqual({ rule: planted.rule, message: expect.stringContaining(planted.message) });
    }
  });

  it.each(cleanCode.map((c) => [c.name, c] as const))('accepts %s', (_name, planted) => {
    expect(findings.get(planted.name)).toEqual([]);
  });
});
