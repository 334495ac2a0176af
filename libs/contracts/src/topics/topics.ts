/**
 * One topic per producing service, keyed by aggregate id so one aggregate's events stay ordered.
 * Each topic has a dead-letter twin `<topic>.dlq` that carries what a consumer could not process, with the reason.
 */
export const TOPICS = {
  directory: 'directory.events',
  scheduling: 'scheduling.events',
  callRouting: 'call-routing.events',
  delegation: 'delegation.events',
  coordination: 'coordination.events',
  indicators: 'indicators.events',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export const DEAD_LETTER_SUFFIX = '.dlq';

export function deadLetterTopic(topic: string): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}

/** Every topic the platform uses, dead-letter twins included: the local stack and tests create exactly these. */
export function allTopics(): string[] {
  return Object.values(TOPICS).flatMap((topic) => [topic, deadLetterTopic(topic)]);
}
