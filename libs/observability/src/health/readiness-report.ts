export type CheckState = 'up' | 'down';

/** Body of `/health/ready`: every check's state, and for those down, why. */
export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, CheckState>;
  reasons?: Record<string, string>;
}
