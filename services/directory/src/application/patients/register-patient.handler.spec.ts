import type { UserContext } from '@msp/auth';
import { RegisterPatientHandler, type RegisterPatientInput } from '../../application/patients/register-patient.handler';
import { PatientAccessLogger } from '../../application/patients/patient-access-logger';
import { InMemoryDirectory, userIn } from '../../../test/fixtures/in-memory-directory';
import { expectInvalid } from '../../../test/fixtures/refusals';

describe('registering a patient', () => {
  let db: InMemoryDirectory;
  let handler: RegisterPatientHandler;
  let structureId: string;
  let gpId: string;
  let secretary: UserContext;
  const input = (overrides: Partial<RegisterPatientInput> = {}): RegisterPatientInput => ({
    structureId,
    firstName: 'Hélène',
    lastName: 'Dupré',
    birthDate: '1948-03-02',
    phone: '06 12 34 56 78',
    medecinTraitantId: gpId,
    ...overrides,
  });

  beforeEach(() => {
    db = new InMemoryDirectory(new Date('2026-03-10T09:30:00Z'));
    const logger = new PatientAccessLogger(db.clock, db.accessLog);
    handler = new RegisterPatientHandler(
      db.transactions,
      db.outbox,
      db.clock,
      db.patients,
      db.members,
      db.memberships,
      logger,
    );
    structureId = db.structure().id;
    gpId = db.member(structureId, 'general_practitioner', ['practitioner']).id;
    secretary = userIn(structureId, ['secretary']);
  });

  it('registers the patient with a GP of the structure as médecin traitant, logs the access and announces it', async () => {
    const patient = await handler.execute(secretary, input());
    expect(patient).toMatchObject({ phone: '+33612345678', medecinTraitantId: gpId, consentToReminders: false });
    expect(db.state.accessLog).toEqual([
      expect.objectContaining({
        memberId: secretary.memberId,
        patientId: patient.id,
        operation: 'registerPatient',
        at: db.clock.now(),
      }),
    ]);
    expect(db.events('directory.patient.registered.v1')).toEqual([
      { patientId: patient.id, structureId, consentToReminders: false, registeredAt: '2026-03-10T09:30:00.000Z' },
    ]);
  });

  it.each([
    ['a nurse of the structure', () => db.member(structureId, 'nurse', ['practitioner']).id],
    [
      'a GP of another structure',
      () => db.member(db.structure('Autre MSP').id, 'general_practitioner', ['practitioner']).id,
    ],
    [
      'a GP who left the structure',
      () => db.member(structureId, 'general_practitioner', ['practitioner'], { leftAt: new Date(0) }).id,
    ],
    ['someone unknown', () => '6f1c1f8e-0000-4000-8000-000000000000'],
  ])('refuses %s as médecin traitant, writing nothing', async (_, medecin) => {
    await expectInvalid(
      handler.execute(secretary, input({ medecinTraitantId: medecin() })),
      'input.medecinTraitantId',
      /general practitioner/,
    );
    expect(db.state.patients).toEqual([]);
    expect(db.state.accessLog).toEqual([]);
    expect(db.state.events).toEqual([]);
  });

  it('registers a patient without a médecin traitant', async () => {
    expect((await handler.execute(secretary, input({ medecinTraitantId: null }))).medecinTraitantId).toBeNull();
  });

  it('refuses a birth date after the clock’s today, and accepts today', async () => {
    await expectInvalid(handler.execute(secretary, input({ birthDate: '2026-03-11' })), 'input.birthDate', /future/);
    await expect(handler.execute(secretary, input({ birthDate: '2026-03-10' }))).resolves.toBeDefined();
  });

  it('refuses an impossible date, a bad phone number and a bad e-mail, naming each field', async () => {
    await expectInvalid(handler.execute(secretary, input({ birthDate: '1990-02-30' })), 'input.birthDate');
    await expectInvalid(handler.execute(secretary, input({ phone: '12' })), 'input.phone');
    await expectInvalid(handler.execute(secretary, input({ email: 'pas-un-email' })), 'input.email');
  });
});
