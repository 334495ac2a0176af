import type { UserContext } from '@msp/auth';
import { PatientAccessLogger } from '../../application/patients/patient-access-logger';
import { UpdatePatientHandler } from '../../application/patients/update-patient.handler';
import type { Patient } from '../../application/ports/patient.repository';
import { InMemoryDirectory, userIn } from '../../../test/fixtures/in-memory-directory';
import { expectInvalid, expectNotFound } from '../../../test/fixtures/refusals';

describe('updating a patient', () => {
  let db: InMemoryDirectory;
  let handler: UpdatePatientHandler;
  let structureId: string;
  let gpId: string;
  let patient: Patient;
  let secretary: UserContext;

  beforeEach(() => {
    db = new InMemoryDirectory(new Date('2026-03-10T09:30:00Z'));
    const logger = new PatientAccessLogger(db.clock, db.accessLog);
    handler = new UpdatePatientHandler(
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
    patient = db.patient(structureId, { medecinTraitantId: gpId });
    secretary = userIn(structureId, ['secretary']);
  });

  it('announces which kinds of data changed, never the data itself', async () => {
    await handler.execute(secretary, {
      patientId: patient.id,
      lastName: 'Dupré-Morel',
      phone: '07 00 00 00 01',
      passThrough: true,
    });
    expect(db.events('directory.patient.updated.v1')).toEqual([
      {
        patientId: patient.id,
        structureId,
        changes: ['identity', 'contact', 'call_flags'],
        medecinTraitantId: gpId,
        consentToReminders: false,
        updatedAt: '2026-03-10T09:30:00.000Z',
      },
    ]);
    expect(await db.patients.findById(patient.id)).toMatchObject({
      lastName: 'Dupré-Morel',
      phone: '+33700000001',
      passThrough: true,
      updatedAt: db.clock.now(),
    });
    expect(db.state.accessLog).toEqual([
      expect.objectContaining({ patientId: patient.id, operation: 'updatePatient' }),
    ]);
  });

  it('changes the médecin traitant only to a current GP of the patient’s structure', async () => {
    const nurseId = db.member(structureId, 'nurse', ['practitioner']).id;
    const otherGp = db.member(db.structure('Autre MSP').id, 'general_practitioner', ['practitioner']).id;
    await expectInvalid(
      handler.execute(secretary, { patientId: patient.id, medecinTraitantId: nurseId }),
      'input.medecinTraitantId',
    );
    await expectInvalid(
      handler.execute(secretary, { patientId: patient.id, medecinTraitantId: otherGp }),
      'input.medecinTraitantId',
    );
    expect((await db.patients.findById(patient.id))?.medecinTraitantId).toBe(gpId);
    const newGp = db.member(structureId, 'general_practitioner', ['practitioner']).id;
    await handler.execute(secretary, { patientId: patient.id, medecinTraitantId: newGp });
    expect((await db.patients.findById(patient.id))?.medecinTraitantId).toBe(newGp);
  });

  it('clears the médecin traitant with null, and the event then names none', async () => {
    const updated = await handler.execute(secretary, { patientId: patient.id, medecinTraitantId: null });
    expect(updated.medecinTraitantId).toBeNull();
    const [event] = db.events('directory.patient.updated.v1');
    expect(event).toMatchObject({ changes: ['medecin_traitant'] });
    expect(event).not.toHaveProperty('medecinTraitantId');
  });

  it('refuses an update that changes nothing, and a birth date after the clock’s today', async () => {
    await expectInvalid(handler.execute(secretary, { patientId: patient.id }), 'input', /nothing to change/);
    await expectInvalid(
      handler.execute(secretary, { patientId: patient.id, birthDate: '2026-03-11' }),
      'input.birthDate',
    );
    expect(db.state.events).toEqual([]);
    expect(db.state.accessLog).toEqual([]);
  });

  it('does not find an unknown patient', async () => {
    await expectNotFound(
      handler.execute(secretary, { patientId: '6f1c1f8e-0000-4000-8000-000000000000', firstName: 'X' }),
    );
  });
});
