/**
 * Members act as their `UserContext` (the gateway vouched for them). The two other callers of directory commands:
 * another platform service over the internal API, and the platform itself (onboarding scripts, the demo data loader).
 */
export interface ServiceActor {
  kind: 'service';
  /** The calling service, as its service token names it. */
  service: string;
}

export interface PlatformActor {
  kind: 'platform';
  /** What runs the operation, for the record (e.g. `demo-data`). */
  operation: string;
}

export const serviceActor = (service: string): ServiceActor => ({ kind: 'service', service });
export const platformActor = (operation: string): PlatformActor => ({ kind: 'platform', operation });
