import { serviceActor } from '../../application/actor';
import { OpenRegistrationRequestHandler } from '../../application/online/open-registration-request.handler';
import { RegisterFromRequestHandler } from '../../application/online/register-from-request.handler';
import { PatientAccessLogger } from '../../application/patients/patient-access-logger';
import { InMemoryDirectory } from '../../../test/fixtures/in-memory-directory';
import { expectInvalid, expectNotFound } from '../../../test/fixtures/refusals';

describe('registering a patient who booked online', () => {
  const scheduling = serviceActor('scheduling');
  const staffMember = '5b0e4f4e-1111-4aaa-8bbb-123456789abc';
  let db: InMemoryDirectory;
  let open: OpenRegistrationRequestHandler;
  let register: RegisterFromRequestHandler;
  let structureId: string;
  const request = () =>
    open.execute(scheduling, {
      structureId,
      firstName: 'Yann',
      lastName: 'Le Gall',
      birthDate: '1980-05-17',
      phone: '06 11 22 33 44',
    });

  beforeEach(() => {
    db = new InMemoryDirectory(new Date('2026-03-10T09:30:00Z'));
    const logger = new PatientAccessLogger(db.clock, db.accessLog);
    open = new OpenRegistrationRequestHandler(db.transactions, db.clock, db.structures, db.requests);
    register = new RegisterFromRequestHandler(db.transactions, db.outbox, db.clock, db.requests, db.patients, logger);
    structureId = db.structure().id;
  });

  it('registers the patient from the request once, however often staff confirm', async () => {
    const requestId = await request();
    const patientId = await register.execute(scheduling, { requestId, memberId: staffMember });
    expect(await register.execute(scheduling, { requestId, memberId: staffMember })).toBe(patientId);
    expect(db.state.patients).toEqual([
      expect.objectContaining({ id: patientId, lastName: 'Le Gall', phone: '+33611223344', createdAt: db.clock.now() }),
    ]);
    expect(db.events('directory.patient.registered.v1')).toHaveLength(1);
    expect(db.state.accessLog).toEqual([
      expect.objectContaining({ memberId: staffMember, patientId, operation: 'online-booking:register' }),
    ]);
  });

  it('finds the patient registered meanwhile instead of creating a second one', async () => {
    const requestId = await request();
    const known = db.patient(structureId, {
      lastName: 'Le Gall',
      firstName: 'Yann',
      birthDate: '1980-05-17',
      phone: '+33611223344',
    });
    expect(await register.execute(scheduling, { requestId, memberId: staffMember })).toBe(known.id);
    expect(db.state.patients).toHaveLength(1);
    expect(db.state.events).toEqual([]);
  });

  it('refuses a request for an unknown structure, and ids that are not UUIDs', async () => {
    structureId = '6f1c1f8e-0000-4000-8000-000000000000';
    await expectInvalid(request(), 'structureId', /no such structure/);
    await expectInvalid(register.execute(scheduling, { requestId: 'x', memberId: staffMember }), 'requestId');
    await expectNotFound(register.execute(scheduling, { requestId: structureId, memberId: staffMember }));
  });
});
