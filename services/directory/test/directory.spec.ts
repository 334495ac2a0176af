import { DirectoryTestApp } from './fixtures/directory-test-app';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

describe('directory subgraph', () => {
  let directory: DirectoryTestApp;
  let msp: SeededStructure;

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory');
    msp = await seedStructure(directory, 'MSP des Lices');
  });

  afterAll(() => directory?.stop());

  it('lets a secretary find a patient by name without accents and reads identity', async () => {
    const data = await directory.ok<{ searchPatients: Array<{ id: string; firstName: string; phone: string }> }>(
      `query($s: ID!) { searchPatients(structureId: $s, name: "helene dupre") { id firstName phone } }`,
      { s: msp.structureId },
      msp.as.secretary,
    );
    expect(data.searchPatients).toEqual([{ id: msp.patientId, firstName: 'Hélène', phone: '+33612345678' }]);
  });
});
