/** A call event as every telephony adapter reports it (the neutral webhook's JSON, Twilio's form fields). */
export interface TelephonyCallEvent {
  /** The provider's own id of the call (Twilio's CallSid): the same call's events share it. */
  providerCallId: string;
  from?: string | null;
  to?: string | null;
  digits?: string | null;
  speech?: string | null;
  recordingSeconds?: number | null;
  durationSeconds?: number | null;
  /** Seconds the caller waited in a human queue before someone answered. */
  queueWaitSeconds?: number | null;
}
