import { serviceActor } from '../../application/actor';
import { ConcertationPopulationQuery } from '../../application/concertation/concertation-population.query';
import { PatientIdentitiesQuery } from '../../application/concertation/patient-identities.query';
import { NO_MEMBER, PatientAccessLogger } from '../../application/patients/patient-access-logger';
import { InMemoryDirectory } from '../../../test/fixtures/in-memory-directory';
import { expectInvalid } from '../../../test/fixtures/refusals';

describe('what coordination asks the directory', () => {
  let db: InMemoryDirectory;
  let structureId: string;
  let population: ConcertationPopulationQuery;
  let identities: PatientIdentitiesQuery;
  const coordination = serviceActor('coordination');

  beforeEach(() => {
    db = new InMemoryDirectory(new Date('2027-02-28T09:30:00Z'));
    const logger = new PatientAccessLogger(db.clock, db.accessLog);
    population = new ConcertationPopulationQuery(db.transactions, db.structures, db.patients, logger);
    identities = new PatientIdentitiesQuery(db.transactions, db.memberships, db.patients, logger);
    structureId = db.structure().id;
  });

  it('logs a population read once, as the calling service and naming no patient', async () => {
    const gp = db.member(structureId, 'general_practitioner', ['practitioner']).id;
    const old = db.patient(structureId, { medecinTraitantId: gp, birthDate: '1950-01-01' });
    db.patient(structureId, { medecinTraitantId: gp, birthDate: '1990-01-01' });
    expect(await population.of(coordination, { structureId, asOf: '2027-02-28' })).toEqual({
      structureId,
      asOf: '2027-02-28',
      practitioners: [{ memberId: gp, patientCount: 2, eligiblePatientIds: [old.id] }],
    });
    expect(db.state.accessLog).toEqual([
      {
        id: expect.any(String),
        at: db.clock.now(),
        memberId: NO_MEMBER,
        patientId: null,
        structureId,
        operation: 'coordination:concertation-population',
      },
    ]);
  });

  it('refuses a purpose the calling service may not give, before reading anything', async () => {
    const reader = db.member(structureId, 'medical_secretary', ['secretary']).id;
    const patient = db.patient(structureId);
    const input = { readerId: reader, structureId, patientIds: [patient.id], purpose: 'coordination_minutes' };
    await expectInvalid(identities.read(serviceActor('scheduling'), input), 'purpose');
    await expectInvalid(identities.read(coordination, { ...input, purpose: 'toString' }), 'purpose');
    expect(db.state.accessLog).toEqual([]);
    await expect(identities.read(coordination, input)).resolves.toHaveLength(1);
  });
});
