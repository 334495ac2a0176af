/** What the telephony controllers need of the configuration (bound by `TelephonyModule.forRoot`). */
export const TELEPHONY_SETTINGS = Symbol('TELEPHONY_SETTINGS');
export type { TelephonySettings } from '../../config/call-routing.config';
