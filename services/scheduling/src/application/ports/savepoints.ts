/**
 * Tries a piece of work inside the caller's transaction so that, if it throws, everything it wrote is undone and the
 * transaction goes on (a savepoint). The error is rethrown for the caller to judge.
 */
export abstract class Savepoints {
  abstract attempt<T>(work: () => Promise<T>): Promise<T>;
}
