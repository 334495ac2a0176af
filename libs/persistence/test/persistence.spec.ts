import { Column, DataSource, Entity, In, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTestDatabase } from '@msp/testing';
import {
  activeManager,
  createDataSource,
  inTransaction,
  NoActiveTransactionError,
  requireActiveManager,
  runMigrations,
  TransactionRunner,
} from '../src';

@Entity()
class CareSite {
  @PrimaryColumn('uuid') id!: string;
  @Column() displayName!: string;
  @Column({ type: 'text' }) timeZone!: string;
}

class CreateCareSite1763900000100 implements MigrationInterface {
  name = 'CreateCareSite1763900000100';
  async up(db: QueryRunner): Promise<void> {
    await db.query('select pg_sleep(0.3)'); // long enough for a racing replica to arrive meanwhile
    await db.query('create table care_site (id uuid primary key, display_name text not null, time_zone text not null)');
  }
  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table care_site');
  }
}

describe('persistence', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const open = () =>
    createDataSource({
      url: database.url,
      entities: [CareSite],
      migrations: [CreateCareSite1763900000100],
    }).initialize();

  beforeAll(async () => (database = await createTestDatabase('persistence')));
  afterAll(() => database.drop());

  it('runs migrations once when replicas start together', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const applied = await Promise.all([runMigrations(a), runMigrations(b)]);
    expect(applied.flat()).toEqual(['CreateCareSite1763900000100']);
    expect(Number((await a.query('select count(*) from schema_migrations'))[0].count)).toBe(1);
    await Promise.all([a.destroy(), b.destroy()]);
  });

  it('maps camelCase properties to snake_case columns', async () => {
    const ds = await open();
    await ds
      .getRepository(CareSite)
      .save({ id: '1c9a5f3e-1111-4a4e-9d8c-1f2e3d4c5b6a', displayName: 'Site Nord', timeZone: 'Europe/Paris' });
    const [row] = await ds.query('select display_name, time_zone from care_site');
    expect(row).toEqual({ display_name: 'Site Nord', time_zone: 'Europe/Paris' });
    await ds.destroy();
  });

  it('joins nested work to the outer transaction and rolls everything back together', async () => {
    const ds = await open();
    const id = '2d9a5f3e-2222-4a4e-9d8c-1f2e3d4c5b6a';
    await expect(
      inTransaction(ds, async (outer) => {
        await outer.getRepository(CareSite).save({ id, displayName: 'Site Sud', timeZone: 'Indian/Reunion' });
        await inTransaction(ds, async (inner) => {
          expect(inner).toBe(outer);
          expect(activeManager()).toBe(outer);
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await ds.getRepository(CareSite).findOneBy({ id })).toBeNull();
    expect(activeManager()).toBeUndefined();
    await ds.destroy();
  });

  describe('TransactionRunner', () => {
    /** What a repository does: join the active transaction, or use the pool outside one. */
    const careSites = (ds: DataSource) => (activeManager() ?? ds.manager).getRepository(CareSite);

    it('gives the work no manager: repositories join the transaction through activeManager and commit together', async () => {
      const ds = await open();
      const transactions = new TransactionRunner(ds);
      const [first, second] = ['3d9a5f3e-3333-4a4e-9d8c-1f2e3d4c5b6a', '4d9a5f3e-4444-4a4e-9d8c-1f2e3d4c5b6a'];
      await transactions.run(async (...args: unknown[]) => {
        expect(args).toEqual([]);
        expect(activeManager()).toBeDefined();
        await careSites(ds).save({ id: first, displayName: 'Site Est', timeZone: 'Europe/Paris' });
        await careSites(ds).save({ id: second, displayName: 'Site Ouest', timeZone: 'Europe/Paris' });
      });
      expect(await ds.getRepository(CareSite).countBy({ id: In([first, second]) })).toBe(2);
      expect(activeManager()).toBeUndefined();
      await ds.destroy();
    });

    it('rolls back every repository write of the work when it fails, nested runs included', async () => {
      const ds = await open();
      const transactions = new TransactionRunner(ds);
      const id = '5d9a5f3e-5555-4a4e-9d8c-1f2e3d4c5b6a';
      await expect(
        transactions.run(async () => {
          const outer = requireActiveManager('test');
          await careSites(ds).save({ id, displayName: 'Site Centre', timeZone: 'America/Cayenne' });
          await transactions.run(async () => expect(activeManager()).toBe(outer));
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await ds.getRepository(CareSite).findOneBy({ id })).toBeNull();
      await ds.destroy();
    });

    it('refuses a write that must join a transaction when none is active', () => {
      expect(() => requireActiveManager('Recording an event')).toThrow(NoActiveTransactionError);
    });
  });
});
