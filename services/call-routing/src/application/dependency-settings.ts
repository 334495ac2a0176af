export type { DependencySettings } from '../config/call-routing.config';

/** Injection token of the `DependencySettings` (other services' internal URLs, timeout, our signing key). */
export const DEPENDENCY_SETTINGS = Symbol('DEPENDENCY_SETTINGS');
