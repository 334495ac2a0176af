import { Client } from 'pg';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { buildTemplate, cloneTestDatabase, knownTemplate, templateName } from '../src/template-databases';
import { createTestDatabase, testPostgresAdminUrl, uniqueSuffix, type TestDatabase } from '../src/test-environment';

class CreateNote1800000000000 implements MigrationInterface {
  name = 'CreateNote1800000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`create table note (id serial primary key, text text not null)`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table note`);
  }
}

class AddNoteAuthor1800000001000 implements MigrationInterface {
  name = 'AddNoteAuthor1800000001000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table note add column author text`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table note drop column author`);
  }
}

type Migration = new () => MigrationInterface;

async function query<T extends object>(url: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}

describe('migrated template databases', () => {
  const service = `TemplateSpec${uniqueSuffix()}`;
  const made: TestDatabase[] = [];
  const templates = new Set<string>();

  /** A booted service's data source stands for the service: here, one with only these migrations. */
  async function serviceSource(migrations: Migration[]): Promise<DataSource> {
    const database = await createTestDatabase('template_source');
    made.push(database);
    return new DataSource({ type: 'postgres', url: database.url, migrations, migrationsTableName: 'schema_migrations' })
      .initialize()
      .then(async (source) => {
        await source.runMigrations();
        return source;
      });
  }

  async function build(migrations: Migration[]): Promise<string> {
    const source = await serviceSource(migrations);
    try {
      const name = await buildTemplate(service, source);
      templates.add(name);
      return name;
    } finally {
      await source.destroy();
    }
  }

  const templateState = async (name: string) =>
    (
      await query<{ oid: number; datistemplate: boolean; datallowconn: boolean; sessions: string }>(
        testPostgresAdminUrl(),
        `select oid, datistemplate, datallowconn,
           (select count(*) from pg_stat_activity a where a.datname = d.datname) as sessions
         from pg_database d where datname = $1`,
        [name],
      )
    )[0];

  afterAll(async () => {
    await Promise.all(made.map((database) => database.drop()));
    for (const name of templates) {
      await query(testPostgresAdminUrl(), `alter database "${name}" with is_template false`).catch(() => undefined);
      await query(testPostgresAdminUrl(), `drop database if exists "${name}" with (force)`);
    }
  });

  it('names a template after the set of migrations: the same set, the same name; another set, another name', () => {
    const one = templateName(service, [new CreateNote1800000000000()]);
    expect(templateName(service, [new CreateNote1800000000000()])).toBe(one);
    expect(templateName(service, [new CreateNote1800000000000(), new AddNoteAuthor1800000001000()])).not.toBe(one);
    expect(templateName('OtherService', [new CreateNote1800000000000()])).not.toBe(one);
    expect(one).toMatch(/^test_tpl_[a-z0-9_]+$/);
    expect(one.length).toBeLessThanOrEqual(63);
  });

  it('gives a migration edited in place (same class name, other SQL) another template', () => {
    class CreateNoteEdited extends CreateNote1800000000000 {
      override name = 'CreateNote1800000000000';
      override async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`create table note (id bigserial primary key, text text)`);
      }
    }
    expect(templateName(service, [new CreateNoteEdited()])).not.toBe(
      templateName(service, [new CreateNote1800000000000()]),
    );
  });

  it('builds a migrated template nobody can connect to, records it for the run, and each clone has the schema', async () => {
    const name = await build([CreateNote1800000000000]);
    expect(await templateState(name)).toMatchObject({ datistemplate: true, datallowconn: false, sessions: '0' });
    expect(knownTemplate(service)).toBe(name);

    const [first, second] = await Promise.all([
      cloneTestDatabase('template_clone', name),
      cloneTestDatabase('template_clone', name),
    ]);
    made.push(first, second);
    expect(first.name).not.toBe(second.name);
    expect(await query<{ name: string }>(first.url, 'select name from schema_migrations')).toEqual([
      { name: 'CreateNote1800000000000' },
    ]);
    await query(first.url, `insert into note (text) values ('only in the first clone')`);
    expect(await query(second.url, 'select * from note')).toEqual([]);
  });

  it('reuses a template of the same set, and builds a new one when the set changes', async () => {
    const name = await build([CreateNote1800000000000]);
    const { oid } = await templateState(name);
    expect(await build([CreateNote1800000000000])).toBe(name);
    expect((await templateState(name)).oid).toBe(oid);

    const changed = await build([CreateNote1800000000000, AddNoteAuthor1800000001000]);
    expect(changed).not.toBe(name);
    expect(knownTemplate(service)).toBe(changed);
    const clone = await cloneTestDatabase('template_changed', changed);
    made.push(clone);
    const columns = await query<{ column_name: string }>(
      clone.url,
      `select column_name from information_schema.columns where table_name = 'note' order by column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['author', 'id', 'text']);
  });

  it('rebuilds a template left half-built by a run that died, and parallel builders build it once', async () => {
    const migrations = [CreateNote1800000000000, AddNoteAuthor1800000001000];
    const name = templateName(
      service,
      migrations.map((Migration) => new Migration()),
    );
    await query(testPostgresAdminUrl(), `alter database "${name}" with is_template false allow_connections true`);
    await query(testPostgresAdminUrl(), `drop database "${name}" with (force)`);
    await query(testPostgresAdminUrl(), `create database "${name}"`); // empty, not marked as a template
    const names = await Promise.all([build(migrations), build(migrations)]);
    expect(names).toEqual([name, name]);
    expect(await templateState(name)).toMatchObject({ datistemplate: true, datallowconn: false, sessions: '0' });
    const clone = await cloneTestDatabase('template_rebuilt', name);
    made.push(clone);
    expect(await query(clone.url, 'select name from schema_migrations order by id')).toEqual([
      { name: 'CreateNote1800000000000' },
      { name: 'AddNoteAuthor1800000001000' },
    ]);
  });
});
