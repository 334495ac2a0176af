import { CallerLookupQuery } from '../../application/identity/caller-lookup.query';
import { InMemoryDirectory } from '../../../test/fixtures/in-memory-directory';

describe('identifying a caller by phone number', () => {
  let db: InMemoryDirectory;
  let query: CallerLookupQuery;
  let structureId: string;
  let siteId: string;

  beforeEach(() => {
    db = new InMemoryDirectory();
    query = new CallerLookupQuery(db.sites, db.patients);
    structureId = db.structure().id;
    siteId = db.site(structureId, { phoneLines: ['+33299000000'] }).id;
  });

  it('names the one patient of the structure with this number, by id and call flags only', async () => {
    const gpId = db.member(structureId, 'general_practitioner', ['practitioner']).id;
    const patient = db.patient(structureId, { phone: '+33612345678', medecinTraitantId: gpId, passThrough: true });
    expect(await query.identify('06 12 34 56 78', siteId)).toEqual({
      kind: 'patient',
      patientId: patient.id,
      medecinTraitantId: gpId,
      passThrough: true,
      prefersHuman: false,
    });
  });

  it('identifies nobody when the number is shared by several patients (a family line)', async () => {
    db.patient(structureId, { phone: '+33612345678', firstName: 'Paul' });
    db.patient(structureId, { phone: '+33612345678', firstName: 'Lise' });
    expect(await query.identify('+33 6 12 34 56 78', siteId)).toEqual({ kind: 'unknown' });
  });

  it('does not identify a patient of another structure', async () => {
    db.patient(db.structure('Autre MSP').id, { phone: '+33612345678' });
    expect(await query.identify('0612345678', siteId)).toEqual({ kind: 'unknown' });
  });

  it('recognises a colleague calling from a line of a practice on the platform', async () => {
    const other = db.structure('MSP voisine').id;
    db.site(other, { phoneLines: ['+33299111111'] });
    expect(await query.identify('02 99 11 11 11', siteId)).toEqual({ kind: 'professional', structureId: other });
  });

  it('answers unknown for a number that cannot be read, and nothing for an unknown site', async () => {
    expect(await query.identify('12', siteId)).toEqual({ kind: 'unknown' });
    expect(await query.identify('0612345678', '6f1c1f8e-0000-4000-8000-000000000000')).toBeUndefined();
  });
});
