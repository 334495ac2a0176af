import { type TestService } from '@msp/testing';
import { DirectoryTestApp } from './fixtures/directory-test-app';
import { seedStructure, type SeededStructure } from './fixtures/seed-structures';

describe("the demo callers route (call routing's demo month), in development", () => {
  let directory: DirectoryTestApp;
  let msp: SeededStructure;
  let other: SeededStructure;
  const as = (caller: TestService) => directory.internalAs(caller);

  beforeAll(async () => {
    directory = await DirectoryTestApp.start('directory_demo_callers', { INTERNAL_DEVELOPMENT_ROUTES: 'on' });
    msp = await seedStructure(directory, 'MSP Démo');
    other = await seedStructure(directory, 'MSP Autre');
  });

  afterAll(() => directory?.stop());

  it("gives call routing the structure's patient numbers with their médecin traitant, and logs each patient read", async () => {
    await expect(as('call-routing').get(`/internal/demo-callers?structureId=${msp.structureId}`)).resolves.toEqual({
      callers: [{ phone: '+33612345678', medecinTraitantId: msp.gpId }],
    });
    const log = await directory.sql<{ patient_id: string; member_id: string; operation: string }>(
      `select patient_id, member_id, operation from patient_access_log where operation like '%demo-callers'`,
    );
    expect(log).toEqual([
      {
        patient_id: msp.patientId,
        member_id: '00000000-0000-0000-0000-000000000000',
        operation: 'call-routing:demo-callers',
      },
    ]);
    // The other structure's patient, with the same number, is not listed: one structure at a time.
    await expect(as('call-routing').get(`/internal/demo-callers?structureId=${other.structureId}`)).resolves.toEqual({
      callers: [{ phone: '+33612345678', medecinTraitantId: other.gpId }],
    });
  });

  it('refuses any other service (403) and names a missing or malformed structure id', async () => {
    await expect(as('scheduling').get(`/internal/demo-callers?structureId=${msp.structureId}`)).rejects.toMatchObject({
      status: 403,
    });
    await expect(as('call-routing').get('/internal/demo-callers?structureId=nope')).rejects.toMatchObject({
      status: 400,
      code: 'DIRECTORY.INVALID_INPUT',
    });
  });
});
