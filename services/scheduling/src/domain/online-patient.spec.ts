import { checkOnlinePatient } from './online-patient';
import { SchedulingError } from './scheduling-error';

const now = new Date('2026-11-23T10:00:00Z');
const valid = { lastName: 'Dupré', firstName: 'Hélène', birthDate: '1948-03-02', phone: '06 12 34 56 78' };

function fieldOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return (error as SchedulingError).field;
  }
  return undefined;
}

describe('checkOnlinePatient', () => {
  it('accepts and trims a complete identity', () => {
    expect(checkOnlinePatient({ ...valid, lastName: '  Dupré ' }, now)).toEqual(valid);
  });

  it.each([
    [{ ...valid, lastName: '' }, 'patient.lastName'],
    [{ ...valid, firstName: 42 }, 'patient.firstName'],
    [{ ...valid, birthDate: '02/03/1948' }, 'patient.birthDate'],
    [{ ...valid, birthDate: '2030-01-01' }, 'patient.birthDate'],
    [{ ...valid, phone: 'appelez-moi' }, 'patient.phone'],
    [null, 'patient'],
  ])('names the bad field of %j', (input, field) => {
    expect(fieldOf(() => checkOnlinePatient(input, now))).toBe(field);
  });
});
