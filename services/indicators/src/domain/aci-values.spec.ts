import { aciValues } from './aci-values';

describe('aciValues', () => {
  it('counts the protocols in force', () => {
    expect(aciValues({ protocolsInForce: 3, patientsReviewed: [], eligible: null })['ACI-A2-PROTOCOLES']).toEqual({
      value: 3,
    });
  });

  it('shares the eligible patients reviewed, a reviewed patient no longer eligible apart', () => {
    const values = aciValues({
      protocolsInForce: 0,
      patientsReviewed: ['p1', 'p2', 'gone'],
      eligible: { patientIds: ['p1', 'p2', 'p3', 'p4'], count: 4 },
    });
    expect(values['ACI-A2-CONCERTATION']).toEqual({ numerator: 2, denominator: 4 });
  });

  it('leaves the share unknown, not zero, without the population', () => {
    const values = aciValues({ protocolsInForce: 0, patientsReviewed: ['p1'], eligible: null });
    expect(values['ACI-A2-CONCERTATION']).toEqual({ numerator: null, denominator: null });
  });
});
