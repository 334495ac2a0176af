/** Remembers accepted webhook signatures until their timestamp expires: the same signed request is refused twice. */
export abstract class ReplayGuard {
  /** True the first time; false when this signature was already accepted. */
  abstract remember(signature: string, expiresAt: Date): Promise<boolean>;
  abstract forgetExpired(now: Date): Promise<number>;
}
