/** How coordination reaches the directory's and scheduling's internal APIs, and this service's signing key. */
export interface InternalClientSettings {
  directoryInternalUrl: string;
  schedulingInternalUrl: string;
  /** The planner's patience with free/busy: past it, plan without proposals and say so. */
  freeBusyTimeoutMs: number;
  servicePrivateKey: string;
}

export const INTERNAL_CLIENT_SETTINGS = Symbol('INTERNAL_CLIENT_SETTINGS');
