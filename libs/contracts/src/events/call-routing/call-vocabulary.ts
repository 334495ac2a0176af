/** The call-routing vocabulary events carry; the service's rulebook types mirror these lists. */
export const CALL_INTENTS = [
  'book',
  'move',
  'cancel',
  'prescription',
  'results',
  'advice',
  'emergency',
  'administrative',
  'colleague',
  'information',
  'other',
] as const;
export type CallIntentV1 = (typeof CALL_INTENTS)[number];

export const CALL_ACTIONS = [
  'transfer_practitioner',
  'transfer_secretary',
  'remote_queue',
  'self_service',
  'take_message',
  'redirect_15',
  'give_information',
  'forward_on_duty',
] as const;
export type CallActionV1 = (typeof CALL_ACTIONS)[number];

/** How a call ended, as the journal and the statistics count it. */
export const CALL_OUTCOMES = [
  'self_service_done',
  'information_given',
  'redirected_to_15',
  'message_taken',
  'transferred',
  'queued',
  'abandoned',
] as const;
export type CallOutcomeV1 = (typeof CALL_OUTCOMES)[number];
