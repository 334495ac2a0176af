import {
  allTopics,
  EVENT_REGISTRY,
  EventValidationError,
  isUnknownTypeOfKnownSource,
  readEventPayload,
  TOPICS,
  validateEventPayload,
  type EventType,
} from '../src';

const types = Object.keys(EVENT_REGISTRY) as EventType[];
const IDENTITY_FIELDS = /name|phone|mail|address|birth|nir|comment|note|text/i;
/** Health facts about a patient stay in the directory too: the ALD flag (COO-7) leaves it only as counts. */
const HEALTH_WORDS = new Set(['ald', 'affection', 'diagnosis']);
const wordsOf = (field: string) => field.split(/(?=[A-Z])|[_-]/).map((word) => word.toLowerCase());

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

  it.each(types)('%s carries no health fact about a patient (ALD flag, diagnosis)', (type) => {
    const fields = fieldNames(EVENT_REGISTRY[type].schema);
    expect(fields.filter((f) => wordsOf(f).some((word) => HEALTH_WORDS.has(word)))).toEqual([]);
  });

  it('recognises the health fields it refuses, whatever their case', () => {
    const refused = ['inAld', 'ald', 'in_ald', 'aldSince', 'longTermAffection', 'diagnosis'];
    const accepted = ['validatedAt', 'scaledCount', 'heraldId', 'caseId'];
    const flagged = (f: string) => wordsOf(f).some((word) => HEALTH_WORDS.has(word));
    expect(refused.filter(flagged)).toEqual(refused);
    expect(accepted.filter(flagged)).toEqual([]);
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

  describe('consumers read tolerantly (ADR 0010)', () => {
    it.each(types)('%s: a field added by a newer producer is accepted and dropped before the handler', (type) => {
      const data = { ...EVENT_REGISTRY[type].example, addedLater: 'x' } as Record<string, unknown>;
      expect(() => readEventPayload(type, data)).not.toThrow();
      expect(data).toEqual(EVENT_REGISTRY[type].example);
    });

    it('still refuses a missing required field or a wrong type, naming each', () => {
      const { memberId: _dropped, ...withoutId } = EVENT_REGISTRY['directory.member.updated.v1'].example;
      try {
        readEventPayload('directory.member.updated.v1', { ...withoutId, roles: 'gp', addedLater: 1 });
        throw new Error('expected a validation error');
      } catch (error) {
        expect(error).toBeInstanceOf(EventValidationError);
        const fields = (error as EventValidationError).violations.map((v) => v.field);
        expect(fields.sort()).toEqual(['/memberId', '/roles']);
      }
    });

    it.each([
      ['a new type of a known producer', 'directory.member.suspended.v1', true],
      ['a new major of a known type', 'directory.member.updated.v2', true],
      ['a short name of a known producer', 'directory.something.v1', true],
      ['a type this build knows', 'directory.member.updated.v1', false],
      ['a type of no known producer', 'billing.invoice.paid.v1', false],
      ['a name without a version', 'directory.member.updated', false],
    ])('tells %s apart', (_label, type, expected) => expect(isUnknownTypeOfKnownSource(type)).toBe(expected));
  });
});
