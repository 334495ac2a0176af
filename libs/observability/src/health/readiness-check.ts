/** A dependency the service needs before it can take traffic (database, Kafka consumer, …). */
export interface ReadinessCheck {
  /** Key of this check in the `/health/ready` report; unique within a service. */
  readonly name: string;
  /** Resolves when ready; throws an error whose message says why not. */
  check(): Promise<void>;
}

export function isReadinessCheck(value: unknown): value is ReadinessCheck {
  const candidate = value as Partial<ReadinessCheck> | null | undefined;
  return typeof candidate?.name === 'string' && typeof candidate.check === 'function';
}
