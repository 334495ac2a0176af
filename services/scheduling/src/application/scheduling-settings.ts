export const SCHEDULING_SETTINGS = Symbol('SCHEDULING_SETTINGS');

/** Tunables of the service that handlers need, from SchedulingConfig. */
export interface SchedulingSettings {
  holdTtlSeconds: number;
  holdSweepSeconds: number;
}
