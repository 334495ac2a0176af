import { Test, type TestingModule } from '@nestjs/testing';
import { TransactionRunner } from '@msp/persistence';
import { Clock, EventFedCopyRebuilder, eventFedCopyRebuilder, type RebuildableCopy } from '../src';

interface Snapshot {
  rows: string[];
}

/** The service's copy, in memory: the rows and the instant each write was stamped with. */
class Copy implements RebuildableCopy<Snapshot> {
  rows: string[] = [];
  stamps: Date[] = [];
  inTransaction: boolean[] = [];

  isEmpty(): Promise<boolean> {
    return Promise.resolve(this.rows.length === 0);
  }

  applySnapshot(snapshot: Snapshot, at: Date): Promise<void> {
    this.rows.push(...snapshot.rows);
    this.stamps.push(at);
    this.inTransaction.push(transactions.open);
    return Promise.resolve();
  }
}

/** The other service: answers `answer()` and counts the questions. */
class Source {
  asked = 0;
  answer: () => Promise<Snapshot | null> = () => Promise.resolve({ rows: ['a', 'b'] });

  snapshot(): Promise<Snapshot | null> {
    this.asked++;
    return this.answer();
  }
}

class RowsRebuilder extends EventFedCopyRebuilder<Snapshot> {
  protected readonly copyName = 'Row copy';

  protected measure(snapshot: Snapshot): { count: number; told: string } {
    return { count: snapshot.rows.length, told: `${snapshot.rows.length} rows` };
  }
}

const transactions = {
  open: false,
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.open = true;
    try {
      return await work();
    } finally {
      this.open = false;
    }
  },
};

const ANSWERED_AT = new Date('2027-05-04T10:00:00Z');
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('EventFedCopyRebuilder (an event-fed copy rebuilt from a snapshot when empty at boot)', () => {
  let module: TestingModule | undefined;

  afterEach(async () => {
    await module?.close();
    module = undefined;
  });

  /** The module as the service creates it; `before` sets the copy and the other service up before that. */
  async function created(before: (copy: Copy, source: Source) => void = () => undefined): Promise<TestingModule> {
    const copy = new Copy();
    const source = new Source();
    before(copy, source);
    module = await Test.createTestingModule({
      providers: [
        { provide: Copy, useValue: copy },
        { provide: Source, useValue: source },
        { provide: TransactionRunner, useValue: transactions },
        { provide: Clock, useValue: { now: () => ANSWERED_AT } },
        eventFedCopyRebuilder(RowsRebuilder, {
          copy: Copy,
          source: Source,
          snapshot: (directory: Source) => directory.snapshot(),
        }),
      ],
    }).compile();
    return module;
  }

  it('decides the emptiness while the application is created: an event applied before the bootstrap hooks does not cancel the rebuild', async () => {
    const app = await created();
    app.get(Copy).rows.push('from an event consumed while booting');
    await app.init();
    await settle();
    expect(app.get(Source).asked).toBe(1);
    expect(app.get(Copy).rows).toEqual(['from an event consumed while booting', 'a', 'b']);
  });

  it('writes the snapshot in one transaction, stamped with the time of the answer', async () => {
    const app = await created();
    await app.init();
    await settle();
    expect(app.get(Copy).stamps).toEqual([ANSWERED_AT]);
    expect(app.get(Copy).inTransaction).toEqual([true]);
  });

  it('does not make the service wait for the other one to answer', async () => {
    const app = await created((_, source) => (source.answer = () => new Promise<never>(() => undefined)));
    await expect(app.init()).resolves.toBe(app);
    expect(app.get(Source).asked).toBe(1);
    expect(app.get(Copy).rows).toEqual([]);
  });

  it('leaves the copy to the events when the other service cannot answer', async () => {
    const app = await created((_, source) => (source.answer = () => Promise.reject(new Error('directory down'))));
    await expect(app.init()).resolves.toBe(app);
    await settle();
    expect(app.get(Source).asked).toBe(1);
    expect(app.get(Copy).rows).toEqual([]);
  });

  it('writes nothing from an answer that is missing or holds nothing', async () => {
    const app = await created((_, source) => (source.answer = () => Promise.resolve(null)));
    await app.init();
    await settle();
    app.get(Source).answer = () => Promise.resolve({ rows: [] });
    await expect(app.get(RowsRebuilder).rebuildIfEmpty()).resolves.toBe(0);
    expect(app.get(Copy).stamps).toEqual([]);
  });

  it('does not ask when the copy already held something at boot, and rebuilds on demand only while empty', async () => {
    const app = await created((copy) => copy.rows.push('kept'));
    await app.init();
    await settle();
    expect(app.get(Source).asked).toBe(0);
    await expect(app.get(RowsRebuilder).rebuildIfEmpty()).resolves.toBe(0);
    app.get(Copy).rows = [];
    await expect(app.get(RowsRebuilder).rebuildIfEmpty()).resolves.toBe(2);
    expect(app.get(Source).asked).toBe(1);
  });
});
