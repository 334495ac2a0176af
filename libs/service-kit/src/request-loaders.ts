import DataLoader from 'dataloader';
import type { AuthenticatedRequest } from '@msp/auth';

/** The GraphQL context of a platform subgraph, one per request (`PlatformSubgraphModule` builds it). */
export interface SubgraphContext {
  req?: AuthenticatedRequest;
}

/** Answers a batch of distinct keys: one value per key, in the keys' order, or the Error refusing that key. */
export type BatchLoad<K, V> = (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>;

/** What a resolver sees of a request loader: one key in, its value out, batched with the rest of the request's keys. */
export interface RequestLoader<K, V> {
  load(key: K): Promise<V>;
}

// Keyed by the GraphQL context, which Apollo creates once per request: the loaders, and what they cached, go with it.
const loadersByRequest = new WeakMap<object, Map<string, RequestLoader<unknown, unknown>>>();

/**
 * The loader `name` of this GraphQL request, created on first use. Every key that the request's resolvers ask of it
 * while the event loop stays on the same tick (all the `_entities` representations, all the parents of a field at
 * one depth) reaches `batch` in one call, each key once, and is remembered until the request ends.
 *
 * `context` is the GraphQL context: `@Context()` in a field resolver, the second argument of a `@ResolveReference`.
 * The first call's `batch` serves the whole request, so it may depend on the request (its caller, read inside
 * `batch`) but never on one parent; field arguments belong in the name (`agenda:${from}:${to}`).
 */
export function requestLoader<K, V>(context: object, name: string, batch: BatchLoad<K, V>): RequestLoader<K, V> {
  let loaders = loadersByRequest.get(context);
  if (!loaders) {
    loaders = new Map();
    loadersByRequest.set(context, loaders);
  }
  let loader = loaders.get(name) as RequestLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch);
    loaders.set(name, loader as RequestLoader<unknown, unknown>);
  }
  return loader;
}

/** Each key's row (the one whose `keyOf` is the key), or null: what a by-id batch answers for ids it did not find. */
export function oneByKey<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): Array<T | null> {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Each key's rows, in the order the rows came; [] for a key without any. */
export function manyByKey<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K | null): T[][] {
  const byKey = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null) byKey.get(key)?.push(row);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}
