import type { UserContext } from '@msp/auth';
import { PatientAccessLogger } from '../../application/patients/patient-access-logger';
import { PatientReader } from '../../application/patients/patient-reader';
import { InMemoryDirectory, userIn } from '../../../test/fixtures/in-memory-directory';
import { expectInvalid } from '../../../test/fixtures/refusals';

describe('reading patient identity (ADR 0006)', () => {
  let db: InMemoryDirectory;
  let reader: PatientReader;
  let structureId: string;
  let secretary: UserContext;

  beforeEach(() => {
    db = new InMemoryDirectory(new Date('2026-03-10T09:30:00Z'));
    reader = new PatientReader(db.transactions, db.clock, db.patients, new PatientAccessLogger(db.clock, db.accessLog));
    structureId = db.structure().id;
    secretary = userIn(structureId, ['secretary']);
  });

  it('logs one access per patient a search returns, at the clock’s time', async () => {
    const [dupont, durand] = [
      db.patient(structureId, { lastName: 'Dupont', firstName: 'Marie' }),
      db.patient(structureId, { lastName: 'Durand', firstName: 'Marc' }),
    ];
    db.patient(structureId, { lastName: 'Martin', firstName: 'Lucie' });
    const found = await reader.search(secretary, { structureId, name: 'du ma' });
    expect(found.map((p) => p.id).sort()).toEqual([dupont.id, durand.id].sort());
    expect(db.state.accessLog.map((e) => [e.patientId, e.memberId, e.operation, e.at])).toEqual(
      found.map((p) => [p.id, secretary.memberId, 'searchPatients', db.clock.now()]),
    );
  });

  it('returns no identity when its access cannot be logged', async () => {
    const patient = db.patient(structureId);
    db.accessLog.append = () => Promise.reject(new Error('access log unavailable'));
    await expect(reader.byId(secretary, patient.id, 'patient')).rejects.toThrow('access log unavailable');
  });

  it('returns and logs only the patients of a federation lookup that the caller may see', async () => {
    const mine = db.patient(structureId);
    const elsewhere = db.patient(db.structure('Autre MSP').id);
    const visible = await reader.byIds(secretary, [mine.id, elsewhere.id], 'Patient reference');
    expect(visible.map((p) => p.id)).toEqual([mine.id]);
    expect(db.state.accessLog.map((e) => e.patientId)).toEqual([mine.id]);
  });

  it('refuses a search without criteria and a birth date after the clock’s today', async () => {
    await expectInvalid(reader.search(secretary, { structureId }), 'name');
    await expectInvalid(reader.search(secretary, { structureId, birthDate: '2026-03-11' }), 'birthDate');
  });
});
