import { DataSource } from 'typeorm';
import { DirectoryTestApp } from './fixtures/directory-test-app';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

const REGISTER = `mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Patient { id lastName medecinTraitant { id } }
  ... on Member { id memberships { structure { id } referent { id } } } } }`;

type Entity = { id: string; medecinTraitant?: { id: string } | null } | null;

/**
 * The gateway resolves a week view's patients and practitioners in one `_entities` call each (270 appointments:
 * 270 Patient representations): the directory must answer it in a fixed number of queries, whatever the count, and
 * still write one access-log row per patient shown, and none for a patient hidden from the caller.
 */
describe('federation entity batches', () => {
  let directory: DirectoryTestApp;
  let own: SeededStructure;
  let other: SeededStructure;
  let ownPatients: string[];
  let statements: string[];

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory_entity_batches');
    own = await seedStructure(directory, 'MSP des Batches');
    other = await seedStructure(directory, 'MSP Voisine');
    const added: string[] = [];
    for (let i = 0; i < 40; i++) {
      const input = {
        structureId: own.structureId,
        firstName: 'Lot',
        lastName: `Patient${i}`,
        birthDate: '1970-01-01',
        medecinTraitantId: own.gpId,
      };
      added.push(
        (await directory.ok<{ registerPatient: { id: string } }>(REGISTER, { input }, own.as.secretary)).registerPatient
          .id,
      );
    }
    ownPatients = [own.patientId, ...added];
    const logger = directory.get(DataSource).logger;
    jest.spyOn(logger, 'logQuery').mockImplementation((query) => void statements.push(query));
  });

  beforeEach(() => (statements = []));

  afterAll(() => directory?.stop());

  const issued = (pattern: RegExp) => statements.filter((sql) => pattern.test(sql));
  const accessRows = (patientIds: string[]) =>
    directory.sql<{ patient_id: string; member_id: string }>(
      `select patient_id, member_id from patient_access_log where operation = 'Patient reference' and patient_id = any($1)`,
      [patientIds],
    );

  it('reads many patients in one query and logs each of them in one insert', async () => {
    const representations = ownPatients.map((id) => ({ __typename: 'Patient', id }));
    const { _entities } = await directory.ok<{ _entities: Entity[] }>(
      ENTITIES,
      { r: representations },
      own.as.secretary,
    );

    expect(_entities.map((e) => e?.id)).toEqual(ownPatients);
    expect(_entities.every((e) => e?.medecinTraitant?.id === own.gpId)).toBe(true);
    expect(issued(/from "patient"/i)).toHaveLength(1);
    expect(issued(/insert into "?patient_access_log/i)).toHaveLength(1);
    // The doctor of all 41 patients: one lookup of the caller's shared memberships, one of the members.
    expect(issued(/from "membership"/i)).toHaveLength(1);
    expect(issued(/from "member"/i)).toHaveLength(1);
    const rows = await accessRows(ownPatients);
    expect(rows.map((r) => r.patient_id).sort()).toEqual([...ownPatients].sort());
    expect(rows.every((r) => r.member_id === own.memberIds.secretary)).toBe(true);
  });

  it("answers null for another structure's patients in the same batch, and logs only the patients shown", async () => {
    const foreign = other.patientId;
    const mixed = [ownPatients[1], foreign, ownPatients[2]];
    const { _entities } = await directory.ok<{ _entities: Entity[] }>(
      ENTITIES,
      { r: mixed.map((id) => ({ __typename: 'Patient', id })) },
      own.as.practitioner,
    );

    expect(_entities.map((e) => e?.id ?? null)).toEqual([ownPatients[1], null, ownPatients[2]]);
    expect(await accessRows([foreign])).toEqual([]);
    const logged = await accessRows([ownPatients[1], ownPatients[2]]);
    expect(logged.filter((r) => r.member_id === own.memberIds.practitioner)).toHaveLength(2);
  });

  it('resolves members and their memberships in a fixed number of queries, hiding other structures', async () => {
    const members = [...Object.values(own.memberIds), other.gpId];
    const { _entities } = await directory.ok<{
      _entities: Array<{
        id: string;
        memberships: Array<{ structure: { id: string }; referent: { id: string } | null }>;
      } | null>;
    }>(ENTITIES, { r: members.map((id) => ({ __typename: 'Member', id })) }, own.as.secretary);

    expect(_entities.map((e) => e?.id ?? null)).toEqual([...Object.values(own.memberIds), null]);
    const assistant = _entities[Object.keys(own.memberIds).indexOf('medical_assistant')];
    expect(assistant?.memberships).toEqual([{ structure: { id: own.structureId }, referent: { id: own.gpId } }]);
    // One batch each for the members (memberships shared with the caller, then members), their memberships and the
    // memberships' structures; the referent was among the members already read.
    expect(issued(/from "membership"/i)).toHaveLength(2);
    expect(issued(/from "member"/i)).toHaveLength(1);
    expect(issued(/from "structure"/i)).toHaveLength(1);
  });
});
