import { createEnvelope, EnvelopeDecodingError, EVENT_REGISTRY, fromKafkaRecord, toKafkaRecord } from '../src';

const example = EVENT_REGISTRY['scheduling.appointment.booked.v1'].example;

describe('CloudEvents Kafka binding', () => {
  const envelope = createEnvelope('scheduling.appointment.booked.v1', example, {
    source: '/msp/scheduling',
    correlationId: 'corr-1',
    time: new Date('2026-11-23T10:00:00Z'),
  });

  it('puts attributes in ce_ headers, the aggregate id in the key and the payload in the value', () => {
    const record = toKafkaRecord(envelope);
    expect(record.key).toBe(example.appointmentId);
    expect(record.headers).toMatchObject({
      ce_id: envelope.id,
      ce_source: '/msp/scheduling',
      ce_type: 'scheduling.appointment.booked.v1',
      ce_specversion: '1.0',
      ce_time: '2026-11-23T10:00:00.000Z',
      ce_subject: example.appointmentId,
      ce_correlationid: 'corr-1',
      'content-type': 'application/json',
    });
    expect(JSON.parse(record.value.toString())).toEqual(example);
  });

  it('decodes what it encodes', () => {
    const record = toKafkaRecord(envelope);
    const headers = Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k, Buffer.from(v)]));
    expect(fromKafkaRecord({ headers, value: record.value })).toEqual(envelope);
  });

  it.each([
    ['a missing id', { ce_id: undefined }, /ce_id/],
    ['an unknown type', { ce_type: 'x.y.z.v1' }, /unknown event type/],
    ['another spec version', { ce_specversion: '0.3' }, /specversion/],
  ])('refuses %s', (_label, override, message) => {
    const record = toKafkaRecord(envelope);
    const headers = { ...record.headers, ...override } as Record<string, string>;
    expect(() => fromKafkaRecord({ headers, value: record.value })).toThrow(message);
  });

  it('refuses a value that is not JSON', () => {
    const record = toKafkaRecord(envelope);
    expect(() => fromKafkaRecord({ headers: record.headers, value: Buffer.from('{oops') })).toThrow(
      EnvelopeDecodingError,
    );
  });
});
