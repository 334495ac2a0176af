import { manyByKey, oneByKey, requestLoader } from '../src';

describe('requestLoader (one batch per GraphQL request and loader name)', () => {
  const recordingBatch = (calls: string[][]) => async (keys: readonly string[]) => {
    calls.push([...keys]);
    return keys.map((key) => key.toUpperCase());
  };

  it("gathers the keys a request's resolvers ask on one tick into one call, each key once", async () => {
    const calls: string[][] = [];
    const request = {};
    const values = await Promise.all(
      ['a', 'b', 'a', 'c'].map((key) => requestLoader(request, 'letters', recordingBatch(calls)).load(key)),
    );
    expect(values).toEqual(['A', 'B', 'A', 'C']);
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect(await requestLoader(request, 'letters', recordingBatch(calls)).load('b')).toBe('B');
    expect(calls).toHaveLength(1);
  });

  it('keeps requests apart, and loaders of different names apart within a request', async () => {
    const calls: string[][] = [];
    const first = {};
    const second = {};
    await Promise.all([
      requestLoader(first, 'letters', recordingBatch(calls)).load('a'),
      requestLoader(second, 'letters', recordingBatch(calls)).load('a'),
      requestLoader(first, 'other letters', recordingBatch(calls)).load('a'),
    ]);
    expect(calls).toEqual([['a'], ['a'], ['a']]);
  });

  it('refuses only the key whose answer is an Error, and every key when the batch fails', async () => {
    const request = {};
    const partly = requestLoader(request, 'partly', async (keys: readonly string[]) =>
      keys.map((key) => (key === 'bad' ? new Error(`${key} refused`) : key)),
    );
    const answers = await Promise.allSettled([partly.load('good'), partly.load('bad')]);
    expect(answers).toEqual([
      { status: 'fulfilled', value: 'good' },
      { status: 'rejected', reason: new Error('bad refused') },
    ]);
    const failing = requestLoader(request, 'failing', async () => {
      throw new Error('not signed in');
    });
    await expect(Promise.all([failing.load('x'), failing.load('y')])).rejects.toThrow('not signed in');
  });
});

describe('lining rows up with the keys of a batch', () => {
  const rows = [
    { id: 'm1', structureId: 's2' },
    { id: 'm2', structureId: 's1' },
    { id: 'm3', structureId: 's2' },
  ];

  it("oneByKey: each key's row, null for a key nothing was found for", () => {
    expect(oneByKey(['m3', 'nope', 'm1'], rows, (r) => r.id)).toEqual([rows[2], null, rows[0]]);
  });

  it("manyByKey: each key's rows in their order, [] for a key without any", () => {
    expect(manyByKey(['s1', 's3', 's2'], rows, (r) => r.structureId)).toEqual([[rows[1]], [], [rows[0], rows[2]]]);
  });
});
