import type { UserContext } from '@msp/auth';

/** A telephony platform that proved itself (HMAC webhook secret or Twilio signature): it reports calls, nothing else. */
export interface TelephonyActor {
  kind: 'telephony';
  provider: 'webhook' | 'twilio' | 'simulator';
}

export type { UserContext };
