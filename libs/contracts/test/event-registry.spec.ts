import { allTopics, EVENT_REGISTRY, EventValidationError, TOPICS, validateEventPayload, type EventType } from '../src';

const types = Object.keys(EVENT_REGISTRY) as EventType[];
const IDENTITY_FIELDS = /name|phone|mail|address|birth|nir|comment|note|text/i;

function fieldNames(schema: unknown): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as { properties?: Record<string, unknown>; items?: unknown };
  return [
    ...Object.keys(node.properties ?? {}),
    ...Object.values(node.properties ?? {}).flatMap(fieldNames),
    ...fieldNames(node.items),
  ];
}

describe('event registry', () => {
  it('has event types at all', () => expect(types.length).toBeGreaterThan(0));

  it.each(types)('%s is keyed by its own name, versioned and on its producer topic', (type) => {
    const definition = EVENT_REGISTRY[type];
    expect(definition.type).toBe(type);
    expect(type).toMatch(/^[a-z-]+\.[a-z-]+\.[a-z-]+\.v\d+$/);
    expect(Object.values(TOPICS)).toContain(definition.topic);
    expect(definition.topic.startsWith(type.split('.')[0])).toBe(true);
  });

  it.each(types)('%s has a schema its example satisfies, and the example yields the aggregate key', (type) => {
    const definition = EVENT_REGISTRY[type];
    expect(() => validateEventPayload(type, definition.example)).not.toThrow();
    expect(definition.aggregateId(definition.example as never)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(types)('%s rejects unknown fields and carries no identity-like field', (type) => {
    const definition = EVENT_REGISTRY[type];
    expect(() => validateEventPayload(type, { ...definition.example, lastName: 'Martin' })).toThrow(
      EventValidationError,
    );
    expect(fieldNames(definition.schema).filter((f) => IDENTITY_FIELDS.test(f))).toEqual([]);
  });

  it('names the offending field and the reason', () => {
    const example = EVENT_REGISTRY['scheduling.appointment.booked.v1'].example;
    const { appointmentId: _dropped, ...withoutId } = example;
    try {
      validateEventPayload('scheduling.appointment.booked.v1', { ...withoutId, startsAt: 'tomorrow' });
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(EventValidationError);
      const fields = (error as EventValidationError).violations.map((v) => v.field);
      expect(fields).toEqual(expect.arrayContaining(['/appointmentId', '/startsAt']));
    }
  });

  it('refuses an unregistered type', () => {
    expect(() => validateEventPayload('scheduling.appointment.teleported.v1', {})).toThrow(
      /not a registered event type/,
    );
  });

  it('lists a dead-letter twin for every topic', () => {
    for (const topic of Object.values(TOPICS))
      expect(allTopics()).toEqual(expect.arrayContaining([topic, `${topic}.dlq`]));
  });
});
